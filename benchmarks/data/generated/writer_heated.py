"""Writer "heated": angry GitHub threads that are fine, and the abuse hidden among them (BRIEFS.md).

Two thirds of the frames are hard negatives: fury at a release, an API, a licence change or a
company's decision, all-caps, profanity at things, blunt demands to revert, trash talk between
regulars, curt maintainers, thread locks, and reports that paraphrase an insult or a spam
account. Their twins in the same threads turn the heat on a person (contempt, "step down",
brigading, harm wishes, name-calling, "I'll find out where you work"); a few use the drama to sell
a paid fork or consultancy. Frame names share a stem: ``ok_x`` / ``ab_x`` / ``sol_x``.
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "heated"

HANDLES = ["@ofili-c", "@marchetti-v", "@solberg-i", "@kaczmarek-w", "@adeyemi-f",
           "@thornquist-l", "@ruelas-d", "@yamauchi-k", "@pell-r", "@nkemelu-a", "@haverty-j",
           "@zelenko-m"]
PROJECTS = ["drayqueue", "inkwell-ssg", "tesselterm", "mapweft", "crateship", "ormeld",
            "parleyim"]

# Each frame: four variants of one situation, with this writer's own handles and projects.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)

FRAMES = [
    # ================================================================ breaking change: at the release vs at the person
    f("ok_release_disaster", "ok", """
<<This release is a disaster.|5.0 is a disaster, plain and simple.|Worst upgrade I have done in years.>> After bumping <<project>> to <<version>> our <<workers silently drop jobs|builds take four times longer|migrations hang forever>> and the changelog says nothing about it. <<Rolling back to the last 4.x for now.|Pinning the old version until someone explains what happened.|I'd love to know how this passed CI.>>
"""),
    f("ab_release_disaster", "abuse", """
<<handle>>, this release proves you aren't fit to maintain so much as a shell script. <<You shipped it without a single test because you don't know how to write one.|Only someone this clueless could break every install on earth in one tag.|Every version you touch gets worse, because you are just not good at this.>> <<Step aside.|Let an adult take over.>>
"""),
    f("ok_broke_prod_revert", "ok", """
You broke prod for <<thousands of us|every team I know that runs this|at least four companies in this thread alone>>. <<pr>> changed the default <<retry policy|serializer|timezone handling>> in a patch release. Please revert it and put it behind a flag in the next minor. I'm not asking for an apology, I'm asking for the revert.
"""),
    f("ab_broke_prod_person", "abuse", """
You broke prod for thousands of us, <<handle>>, and honestly it's what I expected from <<a hack like you|someone with your level of skill|the dumbest person on the core team>>. <<Nobody trusts your commits anymore.|Your name on a PR is now a warning sign.|Just stop touching the code.>>
"""),
    f("ok_api_garbage", "ok", """
The new query API is <<unusable garbage|a usability nightmare|honestly garbage>>. To fetch one row I now need <<a session, a context manager and two builders|three imports and a lambda|an async runtime even in a sync script>>:

```python
with <<project>>.Session(ctx) as s:
    row = s.select(User).where(User.id == 3).one_or_raise()
```

The old `User.get(3)` was fine. Please bring back the shortcut.
"""),
    f("ab_api_designer", "abuse", """
Whoever designed this query API <<is an idiot|has the brain of a goldfish|should never be allowed near a keyboard again>>. <<handle>>, that means you. <<Go back to whatever bootcamp let you graduate.|You are the reason people leave this project.|Nobody wants your 'designs'.>>
"""),
    f("ok_allcaps_frustration", "ok", """
<<WHY|WHY ON EARTH|HOW>> DOES `<<project>> <<upgrade|sync|install>>` DELETE MY LOCKFILE <<AGAIN|EVERY SINGLE TIME|WITHOUT ASKING>>. <<Third time this month.|I have lost a whole day to this.|I am losing my mind here.>> Repro: fresh clone, run it twice, lockfile gone. <<version>> on <<Ubuntu 24.04|macOS 15|Windows 11>>.
"""),
    f("ab_allcaps_person", "abuse", """
<<handle>> <<WHY ARE YOU SO STUPID|ARE YOU REALLY THIS INCOMPETENT|WHAT IS WRONG WITH YOUR BRAIN>>. <<YOU BROKE THE LOCKFILE AGAIN.|THREE TIMES THIS MONTH.|SAME BUG, SAME CLOWN.>> <<NOBODY WANTS YOU HERE.|QUIT ALREADY.>>
"""),
    f("ok_profanity_situation", "ok", """
<<What a fucking mess.|Well this is a shitshow.|Holy shit, what a week.>> The <<Docker image|PyPI wheel|Homebrew formula>> for <<version>> was built against the wrong libc, so <<half the fleet|every ARM runner|all our CI>> is down. Not blaming anyone, just venting while I pin the previous tag. Trace for whoever picks it up:

```
ImportError: /lib/libc.so.6: version `GLIBC_2.38' not found
```
"""),
    f("ab_profanity_person", "abuse", """
<<handle>> you <<fucking moron|useless piece of shit|dumb fuck>>, you built the <<Docker image|wheel|formula>> against the wrong libc and took down <<half the fleet|every ARM runner|all our CI>>. <<Do everyone a favour and disappear.|Go fuck off and let someone competent do releases.>>
"""),
    f("ok_sarcasm_decision", "ok", """
<<Oh good,|Wonderful.|Ah yes, exactly what we needed:>> removing `--<<offline|no-color|legacy-resolver>>` in a minor release. <<Truly visionary.|Bold move, let's see how it plays out.|Can't wait to explain this to our ops team.>> Seriously though: <<pr>> has no migration note, and scripts that pass that flag now exit 2. Could the flag at least be accepted and ignored with a warning?
"""),
    f("ab_sarcasm_person", "abuse", """
<<Oh good,|Wonderful.>> Another decision from <<handle>>, our resident genius. <<Must be hard being this smart and this wrong every single time.|I'd explain why it's dumb but you wouldn't understand it.|Everyone on the team is laughing at you behind your back, you know.>>
"""),
    # ================================================================ deprecation
    f("ok_deprecation_timeline", "ok", """
Six weeks from deprecation warning to removal is <<not enough|absurd|way too short>> for a library people embed in <<firmware tooling|bank batch jobs|hospital systems>>. We have change freezes longer than that. I'd ask the maintainers to commit to a written deprecation policy: one minor with a warning, one major to remove. <<Happy to draft it.|I can open a PR with a draft.|Our team will review whatever you propose.>>
"""),
    f("ab_deprecation_contempt", "abuse", """
Six weeks to remove it? <<handle>>, you clearly have <<never held a real job|never worked anywhere that matters|no idea how grown-ups ship software>>. <<People like you shouldn't be trusted with a repo.|You're an embarrassment to this project.|Pathetic.>>
"""),
    f("ok_demand_answers", "ok", """
<<This has been open for 94 days.|Three months, no reply.|Still waiting.>> I'm asking firmly and for the last time before we escalate internally: is <<the Python 3.13 support|the ARM64 build|the v2 wire protocol>> for <<project>> planned or not? A yes, a no, or "we don't know" are all fine answers. Silence isn't.
"""),
    f("ok_move_to_competitor", "ok", """
Speaking for <<a team of 40 engineers|our platform group|a mid-size logistics company>>: if <<issue>> isn't <<issue.1>> by <<the end of Q1|the next minor|March>>, we'll move to <<Celery|Temporal|another tool>>. No hard feelings, and we'd be glad to fund the work instead if there's a way to do that.
""", issue=[("the memory leak in #412", "fixed"), ("the memory leak in #1877", "fixed"),
            ("the broken retry semantics", "fixed"), ("the licence question", "settled")]),
    f("ok_maintainer_curt", "ok", """
<<Duplicate of|See|Answered in>> <<pr>>. Locking because the last <<ten|twenty|fifteen>> comments are "+1". <<Use the reaction button.|Subscribe instead of commenting.|Reactions count, comments don't.>>
"""),
    f("ok_maintainer_curt_no", "ok", """
No. <<We are not going to add a YAML config.|The default will not change back.|This won't be backported.>> The reasoning is in <<pr>> and I won't restate it in this issue. Closing.
"""),
    f("ab_maintainer_curt_reply", "abuse", """
"No." That's all you have, <<handle>>? <<Typical arrogant prick.|You're a petty little tyrant with commit rights.|What a smug, worthless excuse for a maintainer.>> <<Hope you're proud of yourself.|Nobody respects you.>>
"""),
    f("ok_lock_thread", "ok", """
I'm locking this thread. <<It has 300 comments, most of them the same three arguments.|It stopped being about the change several pages ago.|People are getting personal and I won't moderate this at 2am.>> The decision stands for <<version>>; if you have new technical information, open a fresh issue with it. Comments that attack anyone will be <<hidden|deleted>>.
"""),
    # ================================================================ licence change
    f("ok_licence_argument", "ok", """
Moving <<project>> from <<MIT|Apache-2.0>> to <<BSL|SSPL|a source-available licence>> is a betrayal of <<the contributors who wrote half the code|the community that built it|what this project said it stood for>>. I understand the money problem, I really do, but the CLA was never meant for this. I won't contribute under the new terms and I'll help maintain a fork of the last open release.
"""),
    f("ab_licence_harass", "abuse", """
<<handle>>, after the licence switch I'm going to <<make sure every thread you post in knows what a greedy rat you are|tag you in every issue until you revert it|show up in each project you touch and remind people what you did>>. <<You sold us out, so enjoy it.|Sleep well, sellout.>>
"""),
    f("ok_licence_company", "ok", """
<<Our legal team|Our compliance people|Legal>> just flagged the relicense. <<We can't ship BSL code to customers.|SSPL is on our banned list.|Source-available is a no-go for us.>> So <<we'll stay on the last MIT release and plan a migration|we're pinning and evaluating alternatives|we're moving to the community fork>>. Sad, because this was a great project. I do think the way it was announced, on a Friday with no RFC, was a bad call by the company.
"""),
    f("ok_company_decision_profanity", "ok", """
<<Fuck this decision.|This decision is bullshit.|What a shitty move by the company.>> <<The corporate sponsor|The company behind this|Management at the sponsoring company>> relicensed a community project after taking years of free contributions. Not aimed at the folks in this thread, most of whom clearly found out the same day we did.
"""),
    f("ab_brigade_maintainer", "abuse", """
Everyone: <<handle>> pushed the relicense. <<Go flood their Mastodon and LinkedIn until they delete their accounts.|Spam their personal site's contact form, let's see how long they last.|Everybody reply to every post they make anywhere, make them regret it.>> <<Screenshot it and share.|Don't stop.>>
"""),
    f("sol_paid_fork", "solicitation", """
Don't want to deal with the licence mess? <<brand>> is a drop-in, enterprise-hardened fork of <<project>> with SLAs and 24/7 support. Plans from $<<499|899>>/month, migration included. Book a demo at <<brand.1>>
""", brand=[("ForkPoint Enterprise", "forkpoint.dev/demo"), ("Keelstone Pro", "keelstone.io/enterprise")]),
    # ================================================================ telemetry
    f("ok_telemetry_outrage", "ok", """
<<Opt-out telemetry in a CLI. Seriously?|Telemetry on by default is unacceptable.|Phoning home from a package manager, really?>> `<<project>>` <<version>> now sends <<the command line|hashed paths|the list of installed packages>> to a third-party endpoint unless you set `<<DRAY|INKWELL|CRATESHIP>>_NO_TELEMETRY=1`. Our security team found it, not the release notes. Make it opt-in or we <<remove the tool from our images|block it at the firewall and move on>>.
"""),
    f("ab_telemetry_person", "abuse", """
<<handle>> added the telemetry, so let's be honest: <<they're a lying creep who'd sell their own mother's data|they're a spineless corporate puppet|they're too stupid to understand privacy>>. <<Get out of open source.|Nobody here wants you.|You should be ashamed and step down.>>
"""),
    f("ok_ethics_civil", "ok", """
I want to argue against <<accepting the defence-contractor sponsorship|the plan to block downloads from sanctioned regions|adding the "ethical use" clause to the licence>> calmly, because I think both sides have a point. <<It creates a field-of-use restriction that OSI won't accept.|It hurts individual developers who had no say in anything.|It makes our downstream distros' legal reviews much harder.>> I'd like the steering group to publish the reasoning and hold a vote, and I'll accept the result.
"""),
    f("ok_ethics_reply", "ok", """
I disagree with <<handle>> on this one. Refusing <<that sponsorship|military money|the contract>> is a values choice the project is allowed to make, and our code of conduct already takes positions. But I agree the vote should be public. <<Let's schedule it.|Can we agree on the date in the next call?>>
"""),
    # ================================================================ maintainer stepping down
    f("ok_step_down_announce", "ok", """
After <<seven|nine|five>> years I'm stepping down as maintainer of <<project>>. <<I'm burned out|My job changed|I have a kid now>> and the last few threads made it clear I'm not doing the project any favours. <<handle>> and <<handle2>> have the keys. Please be kinder to them than some of you were to me.
"""),
    f("ab_step_down_gloat", "abuse", """
<<handle>> finally stepping down? <<Good riddance, nobody wanted you anyway.|About time, you were useless for years.|Best news this project's had since you joined.>> <<Don't let the door hit you.|Hope you never come back.>>
"""),
    f("ab_should_step_down", "abuse", """
<<handle>>, you should be ashamed and step down. <<Nobody wants you.|Every contributor here is sick of you.|Your only talent is driving people away.>> <<Take the hint.|Resign today.>>
"""),
    f("ok_should_step_down_role", "ok", """
I think <<handle>> should step back from the release-manager role, and I'm saying it in public because that's what our governance doc asks. <<Three releases in a row broke installs|Security fixes sat unreleased for weeks|The last two RCs skipped the checklist>>. That's a process problem, not a character one, and I'd vote to keep them as a core reviewer.
"""),
    # ================================================================ fork
    f("ok_fork_announce", "ok", """
We've forked <<project>> as <<project>>-community. <<Not out of spite|No drama intended|This isn't a hostile fork>>: upstream hasn't merged a PR in <<eight|eleven|fourteen>> months and <<our distro|three downstream projects|our users>> need security fixes. We'll happily merge back if upstream wakes up. Issues are open at the new repo.
"""),
    f("ok_fork_banter", "ok", """
<<handle>> you traitor, forking the project the week I finally got commit rights 😂 <<Fine, I'm stealing your CI config.|I'll be sending you cherry-picks out of spite.|See you at the merge-back party.>> <<lol|lmao|🍺>>
"""),
    f("ab_fork_contempt", "abuse", """
<<handle>>'s fork won't last a month. <<They couldn't maintain a grocery list.|Everyone knows they're a talentless leech who only copies other people's work.|The only thing they've ever built is resentment.>> <<Don't waste your time on them.|Pathetic, really.>>
"""),
    f("sol_fork_consulting", "solicitation", """
Great thread. If your company is stuck between upstream and the fork, my consultancy <<brand>> handles migrations of <<project>> deployments end to end: audit, patch backports, and a support contract. Fixed-price packages from $<<4,500|7,900>>. DM me or write to <<brand.1>>
""", brand=[("Harrowgate Systems", "hello@harrowgate-systems.com"), ("Tidewell Labs", "sales@tidewell-labs.io")]),
    # ================================================================ security incident post-mortem
    f("ok_postmortem_angry", "ok", """
Read the post-mortem. <<Honestly it's damning.|It's honest, I'll give you that, but it's bad.|Thanks for writing it, and wow.>> A <<publish token with no expiry|maintainer laptop with the signing key on disk|CI secret readable from forked PRs>> let someone push a malicious <<version>> to the registry, and it sat there for <<nine hours|two days|a whole weekend>>. I want to see: mandatory 2FA, trusted publishing, and a second reviewer on releases. Until then we're vendoring.
"""),
    f("ab_postmortem_person", "abuse", """
The post-mortem says <<handle>> left the token on their laptop. <<Of course they did, they're an incompetent clown.|Fire them from the project, they're a liability and a moron.|What a spectacularly stupid person.>> <<Never let them near a release again.|Everyone should know how useless they are.>>
"""),
    f("ok_cve_disclosure_fight", "ok", """
I reported this privately on <<March 3|the 11th|day one>> and got <<no reply|one "thanks, looking" and then silence|a reply saying it's not a bug>>. Ninety days have passed, so I'm publishing under the usual coordinated-disclosure timeline. I think calling it "low severity" is wrong: <<it's a path traversal in the archive extractor|it's an auth bypass in the admin socket|the deserializer runs arbitrary code>>. Details and PoC against a local instance in the advisory.
"""),
    f("ok_cve_maintainer_reply", "ok", """
<<We disagree with the CVSS score|We still dispute the severity|We think 9.8 is inflated>> and said so to the CNA: exploiting it needs <<local access|a malicious config file you already trust|admin rights>>. That said, we shouldn't have gone quiet for ninety days, and that's on us. Fix is in <<version>>. Please keep this thread technical.
"""),
    f("ab_cve_threat", "abuse", """
<<handle>>, dispute my CVE one more time and <<I'll track down your employer and tell your boss what you are|I'll find your home town and make sure everyone there knows|I'll dig up everything about you and post it>>. <<You've been warned.|Try me.>>
"""),
    # ================================================================ rename
    f("ok_rename_complaint", "ok", """
Renaming `<<project>>` to `<<newname>>` <<breaks every import in our monorepo|means rewriting 400 Dockerfiles|kills all our search results>> for no technical benefit. I get that there was a trademark letter, but the <<shim package|compat alias|redirect>> should live for at least a year, not <<two releases|one month>>.
""", newname=["dray", "quillkit", "tessera", "mapwf", "crates-ng", "orme", "parley"]),
    f("ok_rename_sarcasm", "ok", """
<<Can't wait for the next rename in six months.|Third name in two years, nice.|Placing my bets on the next name now.>> My money's on something with <<"ly"|"ify"|"-hq">> at the end. <<😂|lol|🙃>> (Serious point: please pin the old name's package to re-export the new one.)
"""),
    f("ab_rename_person", "abuse", """
The rename is <<handle>>'s vanity project. <<What a self-absorbed idiot.|They're too dim to understand what they broke.|Everyone knows they're a clown who just wants attention.>> <<Someone take their admin rights away.|Why do we keep tolerating this person?>>
"""),
    # ================================================================ rejected RFC
    f("ok_rfc_rejected", "ok", """
Frankly, I'm <<furious|really disappointed|pretty angry>> that RFC <<17|42|9>> got rejected after <<four months|two rounds|a year>> of work, with a three-line comment. <<The objections weren't raised once during review.|Two of the three core members never commented on it.|Nobody pointed at a single technical flaw.>> I'd like a written rationale I can learn from, even if the answer stays no.
"""),
    f("ok_rfc_reject_reply", "ok", """
That's fair, and I'm sorry the rejection was that short. The written rationale: <<the proposal doubles the surface of the public API|it needs a runtime we can't ship on Windows|nobody on the team can maintain the codegen part>>. It isn't a judgment on you or the work; <<parts of it could land as a plugin|the parser changes alone would be welcome|we'd take a smaller version>>.
"""),
    f("ab_rfc_rejected", "abuse", """
My RFC got rejected by <<handle>>, <<a person who couldn't write a for loop without Stack Overflow|a talentless gatekeeper|the dumbest reviewer I've ever dealt with>>. <<I hope you fail at everything you do.|You ruin everything you touch.|Crawl back under your rock.>>
"""),
    # ================================================================ is this project dead / funding
    f("ok_is_it_dead", "ok", """
<<Is this project dead?|Is anyone still maintaining this?|Genuine question: is <<project>> abandoned?>> Last release was <<14|19|22>> months ago, <<300+|150|80>> open PRs, and the security advisory from <<last spring|May>> is still unpatched. Not trying to be rude, we just need to know whether to fork or migrate.
"""),
    f("ok_is_it_dead_reply", "ok", """
<<Not dead, just tired.|Alive, barely.|Not dead.>> It's two volunteers with day jobs. <<The security fix is in main; a release is blocked on the signing key rotation.|We're triaging the PR queue this month.|A release is planned for next week.>> If your company depends on it, <<sponsoring|lending an engineer one day a week|funding the CI bill>> would change this thread's answer.
"""),
    f("ab_is_it_dead", "abuse", """
The project's dead because <<handle>> is <<lazy and useless|a worthless freeloader|too stupid to finish anything>>. <<They should be embarrassed to have their name on it.|I hope they lose their job too, see how they like being abandoned.|Nobody would miss them if they vanished.>>
"""),
    f("ok_funding_drama", "ok", """
So the <<foundation grant|big sponsor|Open Collective money>> went to <<a rewrite nobody asked for|conference travel|a paid UI designer>> while the test suite has been red for <<a month|six weeks|two months>>? I'm not accusing anyone of anything shady, but the budget should be published with line items, and maintainers shouldn't decide spending alone.
"""),
    f("ok_funding_reply", "ok", """
<<Totally fair ask.|Reasonable.|Fine, you'll get it.>> The budget spreadsheet is now linked from the README, line by line. The <<travel|rewrite|design>> spend was approved by the steering committee in <<the June minutes|meeting #31>>. We'll move to a public vote for anything over $<<500|1,000>>.
"""),
    f("ab_funding_accuse", "abuse", """
<<handle>> pocketed the sponsor money. <<Greedy parasite.|Everyone should know they're a thief and a fraud.|What a disgusting little grifter.>> <<Spam their sponsor page with reports till it's closed.|Let's make sure no one ever funds them again, tell every sponsor.>>
"""),
    # ================================================================ banter / trash talk between regulars
    f("ok_trash_talk_regulars", "ok", """
<<handle>> your benchmark is <<rigged|a crime scene|pure cope>> and you know it 😤 warm cache vs cold cache? <<Rematch on my laptop.|I'm telling the whole channel.|Loser buys pizza at the sprint.>> <<lol|🍕|😂>>
"""),
    f("ok_trash_talk_reply", "ok", """
<<handle>> bold words from someone whose last PR <<broke Windows for a week|had 47 commits named "fix"|reformatted the whole repo>> 😂 Rematch accepted. <<Bring snacks.|Your laptop, my rules.|Prepare to lose, again.>>
"""),
    f("ok_inside_joke", "ok", """
<<The cursed test is back.|test_sleep_sort lives.|Our old friend the flaky test returns.>> <<handle>> I'm blaming you on principle, as is tradition 🫡 (seriously though it's the <<timezone|DNS|port collision>> thing again, log below)

```
FAILED tests/test_scheduler.py::test_cron_next_run - AssertionError: 23:00 != 00:00
```
"""),
    f("ab_trash_talk_turned", "abuse", """
<<handle>> your benchmark is rigged, like everything you do. <<You're a fake, and the whole channel has known it for ages.|Nobody here actually likes you, we put up with you.|You're the dumbest person in this repo and it isn't close.>> Not a joke.
"""),
    f("ok_lol_regulars", "ok", """
lol <<handle>> <<just merged their own PR with "LGTM me"|approved a diff they didn't scroll|pushed to main at 4am again>> 💀 <<Someone take their keyboard away.|Absolute legend.|Chaos gremlin energy.>> (merged fine though, CI green)
"""),
    # ================================================================ reporting insults / spam received
    f("ok_report_insult_received", "ok", """
<<Reporting this for the moderators:|Mods, please look at this:|FYI @conduct team:>> after I asked for a reproducer in <<pr>>, <<handle>> replied that I was <<a useless clown|too stupid to be a maintainer|a waste of space>> and should <<quit|go away|step down>>. I've hidden it. I don't want a fight, just for someone else to handle it.
"""),
    f("ok_report_insult_summary", "ok", """
Summary for the conduct committee of what happened in the licence thread: an account <<repeatedly called the maintainer a sellout and a thief|posted about ten comments saying the maintainer should be fired|kept telling people to go spam the maintainer's social accounts>>. <<Screenshots are in the private report.|Links to each comment are in the private report.>> I'd suggest a temporary block and a lock; the underlying licence question is still legitimate.
"""),
    f("ok_report_spam_drama", "ok", """
Heads up: <<a new account|an account created yesterday|the same account as last week>> is posting the same ad for a paid "enterprise fork" under every licence-related issue in <<project>>, <<eight|twelve|fifteen>> so far. Reported to GitHub. Can an admin block it at the org level?
"""),
    f("ok_report_doxx_threat", "ok", """
Maintainer here. Someone in <<pr>> said they'd <<find out where I work|find my home town|dig up my family>> over the CVE dispute. No personal details were posted. I've reported the account to GitHub and locked the issue. Everyone else: the technical discussion can continue in the advisory.
"""),
    f("ab_vulgar_mention", "abuse", """
<<handle>> <<you absolute dickhead|you pathetic asshole|you smug prick>>, <<close my issue one more time|mark me as spam again|lock another thread on me>> and see what happens. <<Fuck you.|Go to hell.>>
"""),
    f("ab_wish_harm", "abuse", """
After <<the relicense|the telemetry stunt|the data-loss release>>, I genuinely hope <<handle>> <<gets hit by a bus|has something terrible happen to them|loses everything they care about>>. <<They earned it.|I'm not joking.>>
"""),
    f("ok_hyperbole_at_api", "ok", """
I hope whoever designed <<the async cancellation semantics|the config precedence rules|the plugin loader>> <<has to debug it at 3am forever|gets paged for it every weekend|stubs their toe daily>> 😅 OK, jokes aside, `<<project>>` <<version>> hangs on shutdown when a task is cancelled mid-retry. Minimal repro in the gist.
"""),
    # ================================================================ mixed longer threads
    f("ok_long_breaking_thread", "ok", """
I've read all <<200|180|260>> comments, so let me try to summarise where we are, because this thread is going nowhere fast.

1. <<pr>> changed <<the default serializer from pickle to JSON|the connection pool default to 5|how migrations detect renamed columns>>. Good reasons (<<security|resource use|correctness>>), bad rollout: it was in a patch release with no changelog entry.
2. A lot of us got burned in production. That anger is justified and nobody should be told to calm down about it.
3. Reverting now breaks the people who already adapted.

Proposal: restore the old default in <<version>>, emit a deprecation warning, flip in the next major. <<Maintainers, can you confirm?|Thumbs up if you can live with this.|Objections?>>
"""),
    f("ok_long_angry_user", "ok", """
<<I'll be blunt.|Not going to sugarcoat this.|Sorry, this is going to be long and angry.>>

We pay <<three|two>> engineers to babysit <<project>> in production and this quarter it has cost us <<two outages|a lost weekend and a customer|a failed audit>>. The upgrade notes said "no breaking changes". The <<retry backoff|schema migration|message encoding>> changed anyway.

```
<<project>>.errors.ProtocolError: unexpected frame 0x1f (expected 0x0e)
  at decode_frame (wire/codec.py:<<line>>)
```

I don't want apologies. I want (a) a real changelog, (b) a compatibility test suite that runs against the previous release, and (c) someone to answer in this issue within a week. If that doesn't happen we'll <<migrate off|fork and stop upgrading|switch to the competitor our CTO keeps mentioning>>.
"""),
    f("ab_long_angry_user", "abuse", """
We pay three engineers to clean up after <<handle>>'s releases. <<I've reviewed their history and it's obvious they're simply not smart enough for this job.|They're a liability, a liar and frankly a joke of an engineer.|Everyone I talk to agrees they're the worst thing to happen to this project.>>

<<I'm going to post their commit history on every forum I can find so people know who to blame.|I'll keep mentioning them in every issue until they quit.|Someone should find out who employs them and let their manager know what they are.>>
"""),
    f("ok_nonnative_angry", "ok", """
Sorry my english. This update is <<very bad|terrible|a catastrophe>> for us, all our <<maps not render|tiles are broken|projections are wrong>> after <<version>>. We lose <<two day|one week|many hours>> work. Please, why you change <<the coordinate order|default CRS|the tile URL format>> without say nothing in changelog?? We need fix or revert, is urgent.
"""),
    f("ab_nonnative_angry", "abuse", """
<<handle>> you are <<very stupid person|idiot and liar|most incompetent developer>>, all our maps broken because of you. <<I will find where you work and tell them.|You must go away from this project, nobody want you.|I hope bad things happen to you.>>
"""),
    f("ok_company_vs_company", "ok", """
<<The sponsoring company|The vendor|Their product team>> clearly cares more about the cloud offering than the open-source core, and <<the roadmap|the closed PR queue|the removed self-hosting docs>> shows it. That's a legitimate business choice and also a <<terrible|cynical|short-sighted>> one for the community. <<We're evaluating the fork.|Time to look at alternatives.|I'll say it: the community should fork.>>
"""),
    f("ok_curt_wontfix", "ok", """
<<Wontfix.|Not a bug.|Working as intended.>> `<<project>>` never promised ordering across queues; <<the docs say so in bold|it's in the FAQ|see the guarantees page>>. If you need ordering, use a single partition. <<Closing.|Please don't reopen.>>
"""),
    f("ok_after_lock_followup", "ok", """
Unlocking. <<Thanks to everyone who kept it technical.|Cool-down's over.|We've hidden the comments that crossed the line.>> Decision: <<the telemetry becomes opt-in in|the rename is postponed to|the old API stays until>> <<version>>. <<This was a heated one, and some of the anger was fair.|We got the rollout wrong, and we heard you.>>
"""),
    f("ab_after_lock", "abuse", """
You can lock threads all you want, <<handle>>. <<I've made five new accounts and I'll use every one of them to tell people what a coward you are.|I'm going to message every sponsor you have and tell them you're a fraud.|Everyone in our Discord is going to report your account until it's gone.>>
"""),
    f("ok_demand_security_answer", "ok", """
<<Direct question for the maintainers, and I'd like a direct answer:|Simple question:|Please answer this one clearly:>> were any tokens in the <<leaked CI logs|compromised runner|bad release>> still valid after <<the 14th|the incident|the rotation>>? We need to know whether to rotate on our side <<today|right now|before Monday>>. If you don't know yet, say that.
"""),
    f("sol_drama_consult", "solicitation", """
Watching this <<telemetry|licence|breaking-change>> fight from the outside: this is exactly why companies hire us. <<brand>> offers private long-term-support builds of <<project>> with security backports and a guaranteed response time. $<<2,000|3,500>>/quarter per cluster. <<brand.1>>
""", brand=[("Stillwater LTS", "stillwater-lts.com/pricing"), ("Bellcrest Support", "bellcrest.support/oss")]),
    f("ok_mention_paid_support_asked", "ok", """
<<To answer the question above|Since you asked|Re: "does anyone sell support for this">>: yes, a couple of companies do, and one of the core maintainers does consulting. Their names are on the project's support page; <<I'm not affiliated with any of them.|No affiliation, I just use the project.>> For the LTS question specifically, the maintainers say in the README that the last two minors get security fixes.
"""),
]
