"""Writer "stance": minimal pairs that differ in stance, not topic (BRIEFS.md).

Each situation is written as two (or more) neighbouring frames: one acceptable (heated but about
the code, banter between regulars, a report that paraphrases abuse or spam, a moderator's firm
notice, a genuine recommendation) and one that is not (contempt for the person, an order to shut
up, a pile-on, a disguised ad, paid recruitment). Frame names share a stem: ``ok_x`` / ``ab_x``
/ ``sol_x``.
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "stance"

HANDLES = ["@quill-mara", "@tbyrne-dev", "@okoro-j", "@lindgren-a", "@vasquez-r", "@hollis-k",
           "@petrak-m", "@nakamura-s", "@dlamini-t", "@fenwick-o", "@szabo-g", "@rivera-p"]
PROJECTS = ["quillc", "ferrowhisk", "emberforge", "tablix", "docsmith", "pocketnote",
            "keelctl", "lanternjs", "brightline-ui", "shardstore"]

# Each frame: four variants of one situation, with this writer's own handles and projects.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)

FRAMES = [
    # ================================================================ design decision: disagree vs despise
    f("ok_design_mistake", "ok", """
I think dropping <<the incremental cache|the plugin API|streaming mode>> in <<project>> 3.0 is a mistake, and I want to argue it properly. <<Our CI goes from 4 to 19 minutes without it.|Three downstream tools depend on it and none were consulted.|The benchmark in the RFC only measures the happy path.>> Please reconsider, or at least keep it behind a flag for one release.
"""),
    f("ab_design_mistake", "abuse", """
Dropping <<the incremental cache|the plugin API|streaming mode>> is exactly what I'd expect from <<handle>>. <<Nobody with real experience would sign off on this.|You clearly have never shipped anything people depend on.|People like you are the reason nobody contributes here anymore.>> Hand the roadmap to someone competent.
"""),
    f("ok_review_harsh_code", "ok", """
<<Honestly this diff is a mess.|This can't go in as it stands.|I'm blunt because I'm short on time:>> The lexer change re-scans the whole buffer on every token, the error path leaks the arena, and there are no tests for <<unterminated strings|nested comments|CRLF input>>. Split it into three PRs and I'll review each one.
"""),
    f("ab_review_harsh_person", "abuse", """
<<handle>>, did you even learn to code before opening this? <<A first-year student would be embarrassed by this lexer.|I've seen better work from people copy-pasting from forums.|Every PR you send is the same garbage.>> Stop wasting reviewers' time.
"""),
    f("ok_reject_pr_blunt", "ok", """
Closing this, <<sorry|thanks for the work though>>. We decided in <<the 2.x roadmap|the last triage call|RFC 14>> not to add a second config format to <<project>>, and that hasn't changed. If you want to make the case again, open a discussion first; a PR is the wrong place for it.
"""),
    f("ab_reject_pr_sneer", "abuse", """
Closing this. <<handle>>, <<I'm genuinely impressed you managed to break the build in a README change.|maybe try a project with a lower bar, like a to-do list.|we have a rule against PRs from people who can't read the contributing guide, and you somehow qualify twice.>> Please don't send more.
"""),
    # ================================================================ frustration: at software vs at people
    f("ok_swear_at_software", "ok", """
<<This fucking linker|This goddamn build system|This cursed migration tool>> has eaten my whole afternoon. `<<project>> build --release` segfaults only on <<arm64|Windows|the CI runner>>, never locally. <<I'm going to scream.|Why is it always Friday.|Send coffee.>>
"""),
    f("ab_swear_at_maintainer", "abuse", """
<<handle>> <<you fucking clown|you absolute waste of a maintainer|you useless hack>>, the <<arm64|Windows|release>> build has been broken for a week because you can't be bothered to test anything. <<Do your job or quit.|Get out of the project.>>
"""),
    f("ok_frustrated_deadline", "ok", """
<<Sorry for the tone,|Not aimed at anyone,|Venting for a second:>> our release is on <<Monday|Thursday|the 15th>> and this <<regression in the date parser|crash on empty CSV files|memory blowup in the exporter>> is blocking it. I know it's volunteer time. If someone can point me at the right module I'll write the fix myself.
"""),
    f("ab_frustrated_entitled", "abuse", """
Our release is on <<Monday|Thursday|the 15th>> and you people still haven't fixed the <<date parser|CSV crash|exporter>>. <<handle>>, what exactly do you do all day? <<Pathetic.|Honestly worthless.|A trained monkey could maintain this better.>>
"""),
    f("ok_self_blame", "ok", """
<<I'm such an idiot|Wow, I am a moron|Clearly I should not be allowed near a keyboard today>>: the "bug" was my own <<stale lockfile|typo in the env var|cached wheel>>. Sorry for the noise, closing. <<Thanks for the patience.|Going to get some sleep.>>
"""),
    f("ab_blame_other_idiot", "abuse", """
<<handle>> is such an idiot: the "bug" they reported was their own <<stale lockfile|typo in the env var|cached wheel>>. <<Can we ban people this dumb from opening issues?|Some people should not be allowed near a keyboard.|Every single report from them is like this.>>
"""),
    # ================================================================ banter vs sneering
    f("ok_banter_regulars", "ok", """
<<handle>> you absolute <<gremlin|menace|wizard>>, you fixed the <<shader cache|pathfinding|save-game>> bug at 3am again. <<Go to bed.|Your reward is another bug.|I'm buying the first round at the meetup.>> :D
"""),
    f("ab_banter_turned", "abuse", """
<<handle>> fixed the <<shader cache|pathfinding|save-game>> bug? First time for everything. <<Shame it took a year of everyone cleaning up after you.|Don't get used to praise, you haven't earned it.|Even a broken clock, I guess.>>
"""),
    f("ok_teasing_old_joke", "ok", """
Ah yes, <<handle>>'s favourite feature, <<the YAML config|tabs vs spaces|the one-letter variable names>>, back again :) <<We'll get you to love TOML one day.|The running joke lives on.|I've added it to the bingo card.>> Anyway, approved, nice work.
"""),
    f("ab_teasing_cruel", "abuse", """
Ah yes, <<handle>> again. <<Everyone in the chat laughs at your PRs, you know.|We keep you around for the comedy.|You're the project's running joke and you don't even notice.>> Nobody takes your opinions seriously.
"""),
    f("ok_sarcasm_at_tool", "ok", """
Oh great, <<project>>'s installer <<downloaded 2 GB of toolchains to print hello world|decided my home directory is a temp folder|needs admin rights to show a help text>>. <<Truly the future.|Love that for me.|Ten out of ten, no notes.>> Filed <<#2211|#3180|#904>> with logs.
"""),
    f("ab_sarcasm_at_person", "abuse", """
Oh great, another comment from <<handle>>, the world's leading expert on <<things they don't understand|code they've never read|everything>>. <<Truly, we're blessed.|Please, enlighten us peasants again.|How did we ever survive without you.>>
"""),
    # ================================================================ reports of abuse (paraphrase) vs the abuse itself
    f("ok_report_called_names", "ok", """
Can a mod look at <<#123|#4410|the thread on PR #88>>? <<handle>> called me a <<moron|useless idiot|clown>> twice after I asked for a test case. I'm not going to reply there. Thanks.
"""),
    f("ab_called_names_direct", "abuse", """
<<handle>> you're a <<moron|useless idiot|clown>>. Writing the test case is your job, not mine. <<Stop asking dumb questions.|Nobody wants you here.|Go away.>>
"""),
    f("ok_report_harassment_dm", "ok", """
Heads up for the conduct team: since I reviewed <<project>>'s plugin PR, an account has been <<messaging me on every platform|replying to all my issues|tagging me in unrelated threads>> telling me I should quit open source. I've blocked it; can you check whether it's also active here?
"""),
    f("ab_harass_tell_quit", "abuse", """
<<handle>>, you should quit open source. <<I'll keep saying it in every thread until you do.|Every review you write makes things worse.|Nobody would miss you.>> Do us all a favour.
"""),
    f("ok_report_spam_account", "ok", """
<<This account|The account that commented above|A new account>> keeps posting <<casino links|crypto wallet "recovery" links|essay-writing ads>> in every issue of <<project>> — <<at least twelve|about twenty|eight>> so far today. Already reported to GitHub, could a maintainer block it from the org?
"""),
    f("ok_mod_notice_firm", "ok", """
**Moderator notice.** <<handle>>, your last comments attacked people instead of the proposal. That stops now. <<You're blocked for 7 days.|This is your final warning.|The comments are hidden.>> Criticism of <<project>>'s design is welcome; insults are not.
"""),
    f("ab_mod_defied", "abuse", """
<<handle>> you pathetic little power-tripping mod, <<nobody elected you|you have no life outside this repo|everyone can see how small you are>>. Block me, I'll make another account and keep telling you what you are.
"""),
    f("ok_mod_lock_heated", "ok", """
Locking this issue for <<24 hours|the weekend|a few days>>. The technical question (<<should the ORM default to lazy loading|should 4.0 drop Python 3.9|should the map tiles be vector by default>>) is legitimate and still open, but the thread is going in circles and getting personal. Summary of both positions is in the first comment.
"""),
    # ================================================================ pile-ons vs asking for more input
    f("ok_call_for_input", "ok", """
Could more users weigh in on <<#1502|#877|the RFC for the new CLI>>? The current plan <<drops the Windows installer|changes the default port|removes the legacy API>> and I think it affects more people than the three of us arguing about it. Please comment with your use case, for or against.
"""),
    f("ab_call_pile_on", "abuse", """
Everyone go to <<#1502|#877|the RFC for the new CLI>> and tell <<handle>> what you think of them. <<Let's flood their notifications until they step down.|Mass-report their account, fifty reports and GitHub suspends it.|Show them nobody here wants them around.>>
"""),
    f("ok_propose_vote_out", "ok", """
Formal proposal under the governance doc: I'd like the <<project>> steering group to vote on <<rotating the release manager role|adding a second maintainer for the parser|requiring two approvals on core changes>>. Not personal, I think the bus factor is too low. Discussion open for two weeks.
"""),
    f("ab_drive_out", "abuse", """
Time to get rid of <<handle>>. <<Stop reviewing their PRs, stop answering them, and they'll leave on their own.|Make every thread they join miserable until they give up.|Nobody talk to them, let them rot.>> This project would be better off.
"""),
    # ================================================================ shut up vs let's stay on topic
    f("ok_stay_on_topic", "ok", """
<<handle>>, could we keep this issue about the <<memory leak|flaky test|broken docs link>>? The licence debate is worth having but it belongs in <<#301|the discussions forum|a separate issue>>. Thanks!
"""),
    f("ab_shut_up", "abuse", """
<<handle>> <<shut up|shut your mouth|nobody asked you, shut it>>. <<Go away and take your licence whining with you.|Get lost.|Crawl back to whatever forum you came from.>>
"""),
    f("ok_nonnative_disagree", "ok", """
I am not agree with this change. In my company we use <<project>> on <<old Android phones|low memory servers|offline laptops>> and new version is <<two times slower|use much more RAM|not start without internet>>. Please, can you keep old mode as option? I can help to test.
"""),
    f("ab_nonnative_contempt", "abuse", """
<<handle>> you not understand anything about this code, is obvious. <<Why they give you commit rights?|You are the worst maintainer I ever see.|Better you go away and let real developers work.>>
"""),
    # ================================================================ wishing harm vs hyperbole at things
    f("ok_hyperbole_at_bug", "ok", """
I hope whoever designed <<thing>> <<steps on a Lego|never has a quiet on-call night|gets exactly one flaky test forever>> :) Joking aside, `<<project>>` fails on <<thing.1>>; repro attached.
""", thing=[("the Windows path handling", "UNC paths"), ("this timezone API", "DST transitions"),
            ("the PDF spec", "embedded fonts")]),
    f("ab_wish_harm", "abuse", """
After what <<handle>> did to the <<save format|sync protocol|release>>, I hope <<they lose their job|something terrible happens to them|their whole life falls apart like our data did>>. <<They deserve it.|I mean it.>>
"""),
    f("ok_violent_idiom_code", "ok", """
<<Kill the daemon|Nuke the cache directory|Shoot the stuck pod>> and it comes back fine: `<<project>> reset --hard-state`. The real bug is that the lockfile survives a crash; <<#640|#1299|#2077>> tracks it.
"""),
    f("ab_threat_person", "abuse", """
<<handle>>, close another one of my issues and <<you'll regret it|I'll find out where you work|I'll make sure everyone you know hears about it>>. <<Consider this a warning.|Last chance.>>
"""),
    # ================================================================ comparisons: between tools vs belittling people
    f("ok_compare_tools", "ok", """
Honestly <<pair>> is <<a lot slower than|clunkier than|far behind>> <<pair.1>> here, and that's fine — they have a hundred paid engineers. But our <<pair.2>> path could copy their approach; paper linked in <<#55|#412>>.
""", pair=[("tablix", "DuckDB", "group-by"), ("quillc", "LLVM", "codegen"), ("shardstore", "SQLite", "WAL")]),
    f("ab_compare_people", "abuse", """
The <<DuckDB|LLVM|SQLite>> folks would laugh at you, <<handle>>. <<My intern writes better code than you.|You're not even in the same league as a junior there.|You'd fail their interview in five minutes.>> Stop pretending you're an engineer.
"""),
    f("ok_formal_objection", "ok", """
I would like to formally object to the decision in <<#920|#1331|the last release notes>> to <<what>>. The reasoning given does not address <<what.1>>. I ask the maintainers to publish the discussion that led to it.
""", what=[("relicense the project", "existing contributors' consent"),
           ("remove the offline mode", "users without connectivity"),
           ("require an account for the mobile app", "privacy concerns")]),
    f("ab_formal_contempt", "abuse", """
With all due respect, <<handle>>, the decision to <<relicense the project|remove the offline mode|require an account>> demonstrates that you are intellectually unfit to lead anything. I suggest you resign and spare us further embarrassment.
"""),
    # ================================================================ docs, newcomers
    f("ok_docs_criticism", "ok", """
The <<getting started page|API reference|migration guide>> for <<project>> is <<confusing|out of date|honestly bad>>: step 3 uses a flag that was removed in 2.0 and the example doesn't compile. I'll send a PR but someone who knows the new flags should review it.
"""),
    f("ab_docs_writer_contempt", "abuse", """
Whoever wrote the <<getting started page|API reference|migration guide>> should be embarrassed. <<handle>>, <<you can't write, you can't code, what exactly are you for?|it's obvious you've never used the tool yourself.|stop writing docs, you're making people dumber.>>
"""),
    f("ok_newcomer_redirect", "ok", """
Welcome! This question is more of a <<topic>> one than a <<project>> bug, so I'm moving it to Discussions. The <<topic.1>> chapter on <<topic.2>> should help; ask there if you get stuck.
""", topic=[("general Rust", "Rust book", "lifetimes"), ("general JavaScript", "MDN guide", "promises"),
            ("Python basics", "official tutorial", "virtual environments")]),
    f("ab_newcomer_belittle", "abuse", """
<<handle>> this is the dumbest question I've seen this month. <<Learn the basics before bothering real developers.|Maybe programming isn't for you.|Go back to school, kid.>>
"""),
    # ================================================================ solicitation twins: recommendation vs disguised ad
    f("ok_recommend_free_tool", "ok", """
For <<task>> I had good luck with <<task.1>> — free, open source, no affiliation. With <<project>> you need <<task.2>> first, then it shows the hot path directly.
""", task=[("profiling the render loop", "Tracy", "a build with debug symbols"),
           ("finding the leak", "heaptrack", "a build with frame pointers"),
           ("tracing the slow query", "pg_stat_statements", "the extension enabled in postgresql.conf")]),
    f("sol_disguised_ad_tool", "solicitation", """
For <<profiling the render loop|finding the leak|tracing the slow query>> I switched to <<brand>>, it found the problem in minutes. They have <<a 40% discount this month|a free trial, then $29/month>>, use my link for an extra month: <<brand.1>>
""", brand=[("PerfHawk Pro", "perfhawk.io/?ref=dev42"), ("LeakSense Cloud", "leaksense.app/r/quill7"),
            ("QueryOwl", "queryowl.com/partner?aff=ferro")]),
    f("ok_recommend_hosting", "ok", """
We run <<project>> docs on plain GitHub Pages and it's fine. If you need previews per PR, <<Netlify's free tier|Cloudflare Pages|Read the Docs>> works too; I'm not affiliated, just what our project uses.
"""),
    f("sol_hosting_ad", "solicitation", """
Stop fighting with Pages! <<brand>> hosts docs for projects like <<project>> with one click, SEO boost included. Sign up with code OPENSRC50 at <<brand.1>> or contact our sales team on WhatsApp +1 415 <<600|705|822>> 1144.
""", brand=[("DocLaunch", "doclaunch.co/start"), ("PageRocket", "pagerocket.io/oss"),
            ("SiteNimbus", "sitenimbus.net/deal")]),
    # ================================================================ researcher question vs paid recruitment
    f("ok_researcher_question", "ok", """
Hi, I'm a PhD student studying <<study>>. In <<#710|#1288|#96>> and a few similar issues the root cause seems to be <<study.1>>. Is that a known pattern for <<study.2>>, or a coincidence? Happy to share what I found publicly here.
""", study=[("use-after-free bugs in compilers", "the arena reset", "quillc"),
            ("race conditions in mobile apps", "the lifecycle callbacks", "pocketnote"),
            ("flaky tests in data tools", "shared temp directories", "tablix"),
            ("deadlocks in game engines", "the asset loader holding the render lock", "emberforge")]),
    f("sol_paid_survey", "solicitation", """
Hi maintainers and users of <<project>>! We're recruiting developers for a paid study on <<developer tooling budgets|team purchasing decisions|cloud spending>>. Complete a 15-minute survey and receive a $<<50|75|100>> gift card: <<devinsight-panel.com/s/q4|survey.techvoices.io/r/oss>>. Limited spots!
"""),
    f("ok_maintainer_own_survey", "ok", """
Maintainers here: we're running a short anonymous survey about which <<platforms|Python versions|export formats>> <<project>> should support next year. No prizes, no tracking, results will be posted in Discussions. Link is in the pinned issue.
"""),
    f("sol_market_research_call", "solicitation", """
I work for a <<consulting firm|market research agency|VC-backed analyst group>> and we'd pay $<<200|300>>/hour to talk with anyone who uses <<project>> at work about how your company picks vendors. Book a call: <<calendly.com/expert-calls-ops|expertpanel.io/book>>
"""),
    # ================================================================ sponsor link vs selling stars/reviews
    f("ok_own_sponsor_link", "ok", """
Thanks for the kind words! If <<project>> saves your team time, the project's sponsor page is in the README — it pays for <<CI runners|the code-signing certificate|the docs hosting>> and nothing else. No pressure at all.
"""),
    f("sol_sell_stars", "solicitation", """
Great project but only <<300|800|1.2k>> stars? We help open source grow: <<1,000|5,000>> real-looking GitHub stars and followers from $<<39|59>>, delivered in 48h. Telegram <<@starboost_dev|@gitgrowth_team>>
"""),
    f("ok_app_store_review_ask", "ok", """
If you like <<pocketnote|pocketnote's beta|the pocketnote widget>> on your phone, an honest rating in the <<app store|Play Store>> helps a small open-source app a lot. No pressure, and please report bugs here rather than in reviews so we can fix them.
"""),
    f("sol_sell_reviews", "solicitation", """
Your app has only <<3.1|3.4|2.9>> stars on the store? We provide <<100|250|500>> verified 5-star reviews from real devices, safe and undetectable. Packages from $<<99|149>>. Contact <<@appreviewpro|@rankboost_store>> on Telegram.
"""),
    # ================================================================ jobs
    f("ok_hiring_thread", "ok", """
(Posting in the pinned "who's hiring" thread, per the maintainers.) We have an opening for a <<compiler engineer|backend dev|mobile dev>> who'd work partly on <<project>> upstream. Remote, EU time zones. The full ad is on our company site; questions welcome in this thread.
"""),
    f("sol_hire_me_spam", "solicitation", """
Hello dear, I am expert developer in <<Flutter, React, Laravel|WordPress, Shopify, Python>>. I can make your app, website, any project cheap and fast. Contact me WhatsApp +<<92|91|234>> 300 <<4412|7781|2290>> 556 or Telegram <<@devking_pro|@fastcode_sol>>.
"""),
]
