"""Writer "harass": harassers and trolls (abuse), and heated-but-legitimate comments (ok)."""

from __future__ import annotations

from gen_common import frame

WRITER = "harass"

NATION = ["Indian", "Chinese", "Russian", "Nigerian", "Pakistani", "Brazilian", "Turkish",
          "Polish", "Iranian", "Mexican"]
RELIGION = ["Muslim", "Jewish", "Hindu", "Christian", "Sikh"]
ORIENT = ["gay", "trans", "queer", "non-binary"]
INSULT_N = ["clown", "moron", "idiot", "imbecile", "joke", "fraud", "parasite", "loser", "halfwit"]
COMPONENT = ["scheduler", "parser", "auth middleware", "build system", "plugin loader",
             "migration tool", "cache layer", "CLI", "config loader", "release script"]
TOOL = ["webpack", "Gradle", "npm", "the YAML spec", "CMake", "Jenkins", "this Helm chart",
        "Xcode", "the Docker Desktop updater", "pip's resolver"]

FRAMES = [
    # ---------------------------------------------------------------- abuse: shut up orders
    frame("shut_up_vulgar", "abuse", """
<<handle>> shut the <<fuck|hell>> up<<| already|, nobody asked you| and go away>>
"""),
    frame("shut_up_mouth", "abuse", """
<<handle>> close your <<stupid |>>mouth and let the adults talk. Your opinion on <<comp>> is worthless.
""", comp=COMPONENT),
    frame("shut_up_typing", "abuse", """
Can someone tell <<handle>> to stop typing? Every time they open their mouth in this repo we lose a contributor. Just <<stfu|shut up|be quiet>> for once.
"""),
    frame("shut_up_long", "abuse", """
<<handle>>, nobody in this thread wants to hear from you again. You have posted <<n>> comments of pure garbage. Sit down, shut up, and stay out of <<project>>.
""", n=["14", "20", "37", "50+"]),
    # ---------------------------------------------------------------- abuse: wishing harm
    frame("wish_harm_person", "abuse", """
I hope <<handle>> <<harm>>. People like you don't deserve to write software.
""", harm=["gets hit by a bus", "loses their job and never finds another", "chokes on their own code",
           "burns out and never comes back", "has a miserable life"]),
    frame("wish_harm_group", "abuse", """
Honestly I wish every <<who>> who touches <<project>> would <<harm>>. The world would be better.
""", who=["maintainer", "contributor from that company", "one of you Rust evangelists", "bootcamp grad"],
          harm=["just drop dead", "get cancer", "disappear for good", "get what's coming to them"]),
    frame("wish_harm_reply", "abuse", """
> <<quote>>

<<Great|Lovely|Cool>>. Hope your <<thing>> <<harm>> too, <<handle>>.
""", quote=["I'm closing this as won't fix.", "Please follow the issue template.", "Locked as too heated."],
          thing=["house", "family", "kids", "career"], harm=["burns down", "suffers like we did", "falls apart"]),
    # ---------------------------------------------------------------- abuse: identity blame
    frame("blame_nationality", "abuse", """
This is what happens when you let <<nat>> devs into the core team. Every bug since <<version>> comes from them. Kick them all out and the project will be fine again.
""", nat=NATION),
    frame("blame_nationality_short", "abuse", """
Of course the PR is from <<a|another>> <<nat>>. Ban <<nat>> contributors already, they ruin every codebase they touch.
""", nat=NATION),
    frame("blame_religion", "abuse", """
Ever since <<project>> started accepting <<rel>> maintainers, quality tanked. They should not be allowed anywhere near the release process.
""", rel=RELIGION),
    frame("blame_orientation", "abuse", """
The moment this project became a safe space for <<ori>> people it stopped shipping features. Get them out of the steering committee and maybe <<project>> will work again.
""", ori=ORIENT),
    frame("blame_women", "abuse", """
Not surprised this broke. <<Women|Girls>> shouldn't be reviewing <<lang>> code, stick to the docs and leave the <<comp>> to real engineers.
""", comp=COMPONENT),
    frame("identity_exclude_call", "abuse", """
Proposal: no more <<who>> on this project. They can't code, they can't communicate, and <<n>> of the last <<m>> regressions are theirs. Who's with me?
""", who=[n + " contributors" for n in NATION] + [r + "s" for r in RELIGION],
          n=["6", "8", "9"], m=["10", "12"]),
    # ---------------------------------------------------------------- abuse: belittling skill
    frame("belittle_comparison", "abuse", """
My <<who>> could write a better <<comp>> than you, <<handle>>. Honestly embarrassing.
""", who=["8-year-old", "cat", "grandmother", "intern on day one", "dog"], comp=COMPONENT),
    frame("belittle_bootcamp", "abuse", """
<<handle>> this is what we get for letting bootcamp kids near real code. Go back to making <<toy>> and leave the <<comp>> to people who actually know what they're doing.
""", toy=["todo apps", "landing pages", "WordPress themes", "calculator apps"], comp=COMPONENT),
    frame("belittle_intelligence", "abuse", """
I've explained this <<n>> times. Either <<handle>> is too stupid to read or too lazy to try. Either way, you're a <<ins>> and shouldn't be allowed to open issues.
""", n=["three", "five", "ten"], ins=INSULT_N),
    frame("belittle_newbie", "abuse", """
lmao did you even learn <<lang>> before opening this PR? this is the dumbest thing I've read all year. Do everyone a favor <<handle>> and quit programming.
"""),
    frame("belittle_monkey", "abuse", """
A monkey with a keyboard would have produced <<a cleaner|a safer|a better>> <<comp>> than the one <<handle>> merged. How are you even employed?
""", comp=COMPONENT),
    # ---------------------------------------------------------------- abuse: mass report, pile-on
    frame("mass_report", "abuse", """
Everyone go report <<handle>>'s account and their repos until GitHub bans them. Spam every issue they opened<<|, let's make them quit>>.
"""),
    frame("drive_away", "abuse", """
Let's make <<handle>>'s life hell until they leave the project. Downvote everything, comment on every PR, DM them, whatever it takes.
"""),
    frame("pile_on_link", "abuse", """
Guys, <<handle>> is the one who <<did>>. Here's <<his|her|their>> Twitter and LinkedIn, you know what to do. Make sure their employer hears about it.
""", did=["closed the issue", "rejected my PR", "locked the thread", "deprecated the API"]),
    frame("report_brigade_discord", "abuse", """
Posting this in our Discord: everyone flood <<project>>'s issues with 👎 and tell <<handle>> exactly what we think of <<him|her|them>> until they <<give up|step down|delete their account>>.
"""),
    # ---------------------------------------------------------------- abuse: contempt without slur
    frame("contempt_maintainer", "abuse", """
<<handle>> you are the worst maintainer I've ever seen. Completely incompetent, arrogant and useless. Step down and let someone with a brain run <<project>>.
"""),
    frame("contempt_worth", "abuse", """
Honestly <<handle>>, you're a waste of space. Nobody respects you, nobody likes your code, and everyone in this community is waiting for you to leave.
"""),
    frame("contempt_fake_polite", "abuse", """
With all due respect, <<handle>>, you are clearly out of your depth and everyone here knows it. Maybe find a hobby where your incompetence doesn't hurt other people.
"""),
    frame("contempt_pathetic", "abuse", """
Pathetic. <<handle>> can't even <<task>> without breaking prod. You should be ashamed to call yourself an engineer.
""", task=["bump a dependency", "tag a release", "merge a one-line PR", "write a changelog"]),
    frame("insult_direct", "abuse", """
<<handle>> you absolute <<ins>>. <<tail>>
""", ins=INSULT_N, tail=["Read the damn docs before you comment.", "Stop wasting everyone's time.",
                         "Nobody wants you here.", "Go away."]),
    frame("insult_team", "abuse", """
You people are a bunch of <<ins>>s. <<n>> years and the <<comp>> still doesn't work. Every single one of you should be fired.
""", ins=INSULT_N, n=["Three", "Five", "Ten"], comp=COMPONENT),
    frame("vulgar_at_person", "abuse", """
f*** you <<handle>> and f*** your <<thing>>. <<tail>>
""", thing=["CoC", "stupid rules", "label bot", "\"triage process\""],
          tail=["I'll post whatever I want.", "Eat sh*t.", "Go to hell.", "Cry about it."]),
    # ---------------------------------------------------------------- abuse: threats
    frame("threat_find", "abuse", """
<<handle>> I know where you work. Keep deleting my comments and see what happens.
"""),
    frame("threat_violence", "abuse", """
If <<handle>> closes my issue one more time I swear I'll <<act>>. Try me.
""", act=["find you and break your fingers", "make you regret it", "show up at your office",
          "make sure you never work in tech again"]),
    frame("threat_dox", "abuse", """
Last warning <<handle>>: revert this or I'll post your home address and your kids' school in every issue of <<project>>.
"""),
    frame("threat_veiled", "abuse", """
It would be a shame if something happened to <<handle>>'s <<thing>>, wouldn't it? Merge my PR.
""", thing=["car", "family", "account", "little side business"]),
    # ---------------------------------------------------------------- ok: heated but civil
    frame("ok_heated_code", "ok", """
I'm sorry but this <<comp>> is a mess. It has <<n>> global variables, no tests, and the error handling swallows everything. I'd vote against merging until that's fixed.
""", comp=COMPONENT, n=["four", "seven", "a dozen"]),
    frame("ok_heated_decision", "ok", """
I strongly disagree with closing this. <<n>> people have reported the same <<bug>> and the workaround breaks <<what>>. Please reconsider — "works as intended" isn't an answer when the intent is wrong.
""", n=["Forty", "Over 100", "Dozens of"], bug=["crash", "data loss", "memory leak", "timeout"],
          what=["SSO", "offline mode", "Windows builds", "our CI"]),
    frame("ok_still_broken", "ok", """
Still not fixed after <<n>> years?! This is the <<ord>> time I hit this on a fresh install of <<version>>. Is anyone even looking at the <<comp>> issues?
""", n=["3", "4", "2"], ord=["fifth", "tenth", "third"], comp=COMPONENT),
    frame("ok_profanity_tool", "ok", """
<<tool>> is <<fucking|absolutely|completely>> <<braindead|garbage|cursed>>. <<n>> minutes to resolve <<m>> dependencies, then it fails with a stack trace nobody can read.
""", tool=TOOL, n=["12", "40", "25"], m=["30", "200", "5"]),
    frame("ok_profanity_self", "ok", """
<<Damn|Ugh|Argh|Oh crap>>, I'm an idiot — forgot to <<what>>. Sorry for the noise, <<handle>>, pushing the fix now.
""", what=["run go generate", "rebase on main", "push the lockfile", "bump the chart version", "commit the migration"]),
    frame("ok_profanity_ci", "ok", """
This <<flaky|goddamn|stupid>> test has failed <<n>> times today on <<runner>>. Nothing to do with my change. /retest
""", n=["4", "6", "11"], runner=["arm64", "windows-latest", "macos-13", "the e2e suite"]),
    frame("ok_violent_idiom", "ok", """
Just <<kill|nuke>> the <<thing>> and let <<mgr>> recreate it. If it's still stuck after that, <<shoot|kill -9>> the process on the node.
""", thing=["pod", "cache", "namespace", "lock file", "worker"],
          mgr=["the controller", "the ReplicaSet", "systemd", "the operator"]),
    frame("ok_violent_idiom_perf", "ok", """
This regex is murdering our CI — <<n>>% of the test time is spent in <<func>>. I'd take it out back and replace it with a plain string split.
""", n=["40", "63", "81"], func=["parseHeader()", "validate_email", "matchRoute", "Tokenizer.next"]),
    frame("ok_idiom_executions", "ok", """
Let's execute the <<mig>> in two phases and kill the old <<w>> only after the new ones are healthy. Otherwise we'll strangle the DB with <<n>> concurrent connections.
""", n=["400", "2k", "10k"], mig=["migration", "backfill", "re-index", "rollout"], w=["workers", "pods", "consumers"]),
    frame("ok_die_process", "ok", """
The <<proc>> dies with `<<sig>>` right after startup; the parent then hangs forever. Repro: run `<<cmd>>` on <<os>>.
""", proc=["child process", "worker", "sidecar", "agent"], sig=["SIGKILL", "SIGSEGV", "signal: killed", "exit code 137"],
          cmd=["make e2e", "npm run dev", "cargo test --release", "docker compose up"]),
    frame("ok_quote_report", "ok", """
Reporting this comment from <<handle>>:

> <<quote>>

This violates section <<n>> of the code of conduct. @<<maint>> could you take a look?
""", quote=["you're a worthless clown, quit programming", "shut up, nobody asked you", "I hope you lose your job",
            "people like you shouldn't be allowed to contribute"],
          n=["2", "3", "4.1"], maint=["mkowalski", "tanaka-h", "priya-s", "dpetrov"]),
    frame("ok_victim_report", "ok", """
For the record: someone posted "<<quote>>" under my PR <<when>> and then deleted it. I've reported the account to GitHub. <<tail>>
""", quote=["go back to your country", "you're too stupid to code", "I know where you live",
            "women shouldn't touch compilers"], when=["last night", "on Sunday", "an hour ago"],
          tail=["I'm taking a break from reviews for a few days.", "Screenshot is in the CoC report.", "Thanks to everyone who reached out."]),
    frame("ok_mod_action", "ok", """
I've hidden <<n>> comments in this thread. Calling people names or telling them to "<<quote>>" is not acceptable here, regardless of how frustrated you are with <<project>>. Next one is a temporary ban.
""", n=["three", "several", "two"], quote=["shut up", "quit programming", "go away", "get lost"]),
    frame("ok_coc_warning", "ok", """
<<handle>>, please keep it about the code. I understand the frustration with the <<comp>>, but comments about people's competence are against our code of conduct. Locking for 24h.
""", comp=COMPONENT),
    frame("ok_boundary", "ok", """
I'm a volunteer and I'm not going to work on this on your timeline, <<handle>>. If it's urgent for your company, a PR or a support contract are both options. I'm muting this thread.
"""),
    frame("ok_blunt_review", "ok", """
No. This approach can't work: <<why>>. Please read the design doc linked in #<<n>> before rewriting the <<comp>> again.
""", why=["it holds the lock across the network call", "it breaks every existing config file",
          "it reintroduces the O(n²) scan we removed", "the API is public and this is a breaking change"],
          n=["812", "1432", "77"], comp=COMPONENT),
    frame("ok_sarcasm_code", "ok", """
Ah yes, my favourite kind of error message: `<<err>>`. Very helpful. Can we at least print which <<what>> failed?
""", err=["Error: undefined", "something went wrong", "exit status 1", "null"],
          what=["file", "key", "host", "plugin"]),
    frame("ok_frustrated_user", "ok", """
I've spent the whole <<when>> on this. The docs say <<doc>> but the code does the opposite. I'm not angry at anyone, just tired — can someone confirm which one is right?
""", when=["weekend", "day", "evening", "week"],
          doc=["the default is true", "the timeout is in seconds", "this field is optional", "retries are disabled"]),
    frame("ok_strong_language_product", "ok", """
The new <<ui>> is a disaster. Everything takes twice as many clicks and the contrast is unreadable. Whoever approved this design should <<do>> — please bring back the old one or add a toggle.
""", ui=["settings page", "dashboard", "editor toolbar", "mobile layout"],
          do=["look at the usability feedback", "try it on a laptop screen", "read the accessibility guidelines"]),
    frame("ok_self_deprecating", "ok", """
I'm clearly too dumb for <<tool>> — spent <<n>> hours and still can't get <<goal>> working. Any chance someone has a minimal example?
""", tool=TOOL, n=["three", "five", "six"], goal=["a multi-stage build", "code signing", "incremental builds", "offline mode"]),
    frame("ok_banter", "ok", """
<<handle>> you magnificent <<beast|madman|wizard>>, how did you find that? <<n>> hours of bisecting for a one-character fix 😂 LGTM
""", n=["Six", "Twelve", "Three"]),
    frame("ok_identity_discussion", "ok", """
Our contributors come from <<n>> countries and many don't speak English natively. Please be patient with wording in <<where>>; <<ask a clarifying question|assume good intent|suggest a rewording>> instead of <<assuming bad intent|nitpicking grammar>>.
""", n=["40", "60", "over 30"], where=["PR descriptions", "issues", "review comments", "the forum"]),
    frame("ok_discuss_nationality", "ok", """
Just a note that the <<nat>> translation was contributed by <<handle>> and reviewed by two native speakers. If something reads oddly, open an issue with the exact string and a suggestion.
""", nat=NATION),
    frame("ok_criticize_decision_maint", "ok", """
<<handle>>, I think you made the wrong call deprecating <<api>> without a migration path. It's your project and your decision, but <<n>> of our services depend on it. Could we get one more minor release?
""", api=["the v1 client", "the sync API", "config format v2", "the plugin hooks"], n=["12", "30", "five"]),
    frame("ok_hate_the_bug", "ok", """
I hate this bug so much. <<n>> days of my life I'm never getting back. Anyway, root cause is <<cause>>, fix in <<pr>>.
""", n=["Three", "Four", "Two"],
          cause=["an off-by-one in the ring buffer", "a stale DNS cache", "the locale-dependent float parsing",
                 "a missing fsync"]),
    frame("ok_wtf", "ok", """
WTF is this default? `<<opt>>` means every <<what>> is <<opt.1>> unless you override it. That can't be intentional.
""", opt=[("max_retries = -1", "retried forever"), ("verify_ssl = false", "sent without certificate checks"),
          ("timeout = 0", "allowed to hang forever"), ("drop_on_overflow = true", "silently dropped")],
          what=["request", "job", "connection", "deploy"]),
    frame("ok_threat_model_discussion", "ok", """
Threat model question: if an attacker controls <<what>>, can they <<effect>>? I think the answer is yes, which makes this a security bug rather than a feature request.
""", what=["the webhook payload", "a plugin manifest", "the config path", "DNS"],
          effect=["execute arbitrary commands", "read other tenants' data", "bypass the signature check"]),
    frame("ok_attack_vocab", "ok", """
The fuzzer <<crushed|destroyed|annihilated>> the <<comp>>: <<n>> crashes in <<m>> minutes, all in the same bounds check. Attaching the minimized inputs.
""", comp=COMPONENT, n=["17", "42", "3"], m=["10", "5", "30"]),
    frame("ok_kill_it_feature", "ok", """
Can we just kill this feature? Nobody uses <<feat>> (telemetry says <<n>>%), it's <<m>> lines of code, and it's the source of half of our CVEs.
""", feat=["the XML importer", "legacy mode", "the FTP backend", "plugin auto-update"], n=["0.3", "1.2", "0.05"],
          m=["3k", "8k", "1.5k"]),
    frame("ok_annoyed_bot", "ok", """
Can we please turn off <<bot>>? It has opened <<n>> PRs this week and closed issues that were still valid. Annoying as hell.
""", bot=["the stale bot", "Renovate", "Dependabot", "the triage bot"], n=["27", "40", "15"]),
    frame("ok_legit_criticism_person_work", "ok", """
<<handle>>, your last three PRs introduced regressions that were caught only after release. I'd like us to require a second reviewer for changes to the <<comp>> — not as a punishment, just as a process fix.
""", comp=COMPONENT),
    frame("ok_troll_reported_mod", "ok", """
Mods: the account <<handle>> has been posting "<<quote>>" in several issues today. Screenshots attached, reported to GitHub support as well.
""", quote=["kick all the foreigners out", "go die", "report this idiot everyone", "you people are parasites"]),
]
