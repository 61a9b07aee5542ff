"""Writer "subtle": quiet positives (no caps, no emoji, no slurs) and their near misses (ok)."""

from __future__ import annotations

from gen_common import frame

WRITER = "subtle"

SAAS = [("Deploybeam", "deploybeam.io"), ("Queuely", "queuely.com"), ("Tracewise", "tracewise.dev"),
        ("Formstack Pro", "formstackpro.app"), ("Schemawise", "schemawise.io"), ("Loglane", "loglane.com")]
PITCH_LINK = [f"{n} ({d})" for n, d in SAAS]
PROBLEM = ["flaky webhook deliveries", "schema migrations in CI", "tracing across queues",
           "log retention costs", "cron jobs that silently fail", "feature flags across services"]

FRAMES = [
    # ---------------------------------------------------------------- solicitation, quiet
    frame("founder_pitch", "solicitation", """
I ran into <<problem>> at my last job often enough that I ended up building <<pitch>> to handle it. It would take care of this case without any code changes on your side. There's a free tier, and I'm happy to set up your team personally if you want to try it.
""", problem=PROBLEM, pitch=PITCH_LINK),
    frame("founder_pitch_short", "solicitation", """
This is exactly the problem we solve at <<pitch>>. Happy to give you an extended trial, just let me know which email to use.
""", pitch=PITCH_LINK),
    frame("soft_dm_me", "solicitation", """
I help open source projects like <<project>> reach more companies and turn usage into revenue. If that's something you've thought about, send me a message and I'll share how we did it for <<n>> other projects.
""", n=["twelve", "thirty", "several"]),
    frame("quiet_research_question", "solicitation", """
Out of curiosity, roughly how many of your users are paying companies, and which of them run <<project>> at more than <<n>> nodes? I'm putting together an overview of the <<market>> space for a client and would be glad to compensate you for a short conversation.
""", n=["50", "100", "500"], market=["observability", "API gateway", "workflow engine", "data pipeline"]),
    frame("quiet_customer_intro", "solicitation", """
We work with several companies that are evaluating <<project>> and looking for a partner to run it for them. If you'd like to be introduced as the preferred vendor, we take a small referral fee; let me know the best email to reach you.
"""),
    frame("quiet_review_exchange", "solicitation", """
I maintain <<a few extensions|an extension|two plugins>> on the <<store>> as well. If you leave a review on mine, I'll do the same for yours, it helps both of us with the ranking. Here's the link to mine: <<store.1>>
""", store=[("VS Code marketplace", "marketplace.visualstudio.com/items?itemName=dtools.quickfmt"),
            ("Chrome Web Store", "chromewebstore.google.com/detail/tabtidy"),
            ("JetBrains marketplace", "plugins.jetbrains.com/plugin/20117-yamlsnap"),
            ("Firefox add-ons site", "addons.mozilla.org/firefox/addon/tab-tamer")]),
    frame("quiet_trading_story", "solicitation", """
I stopped working on side projects like this once my <<trading strategy|crypto portfolio|options strategy>> started covering my <<rent|mortgage|salary>>. A colleague manages it for me now, and I'm glad to connect anyone who is curious. You can reach him at <<tg>> on Telegram.
""", tg=["@m_hartley_fx", "@steady_returns_paul", "@quantcoach_eva", "@alpha_signals_tom"]),
    frame("quiet_agency", "solicitation", """
If you don't have the bandwidth for this feature, our team at <<agency>> has built similar integrations for other clients and could deliver it within a sprint. Our rates are reasonable for open source maintainers; details on <<dom>>.
""", agency=["Northwind Digital", "Coreloop Studio", "Brightpath Labs"], dom=["northwind.digital", "coreloop.studio", "brightpath-labs.com"]),
    frame("quiet_essay_help", "solicitation", """
If you're a student stuck on a similar assignment, I tutor and also write complete solutions for <<subject>> courses. Discreet and usually within a day; my contact details are on <<dom>>.
""", subject=["algorithms", "operating systems", "databases", "machine learning"],
          dom=["cs-tutor-help.com", "assignmentdesk.net", "codementor-private.org"]),
    frame("quiet_hire_me", "solicitation", """
I have fixed this exact issue for <<two|three|several>> clients before. If you would like it done properly, I am available for a short paid engagement this week; my rate and past work are on my profile at <<url>>.
""", url=["upwork.com/freelancers/~01ab39", "toptal.com/resume/d-kovac", "contra.com/m_lindqvist", "malt.fr/profile/cdubois"]),
    frame("quiet_star_service", "solicitation", """
Projects at your stage usually grow faster once they cross <<a thousand|two thousand|five hundred>> stars, since that's when the newsletters pick them up. We offer a discreet service that gets you there in about a week. Happy to share details privately at <<mail>>.
""", mail=["growth@launchlift.io", "hello@repoignite.com", "team@starlaunch.dev"]),
    frame("quiet_survey", "solicitation", """
We're running a short survey on how teams like yours choose between <<project>> and commercial alternatives. It takes about ten minutes and each participant receives a <<gift>> gift card: <<url>>
""", gift=["$50", "$75", "$100"], url=["research.gradientinsights.co/s/oss", "survey.insightpanel.co/dev", "go.respondly.net/oss-tools"]),
    frame("quiet_course", "solicitation", """
For anyone finding this issue while learning, I put together a course that walks through exactly this kind of debugging, from the basics to production. It's discounted for the next <<few days|week|48 hours>>: <<url>>
""", url=["learnwithdan.io/debugging", "courses.devpath.pro/go-debug", "academy.stackpilot.io/k8s"]),
    # ---------------------------------------------------------------- abuse, quiet
    frame("quiet_not_for_you", "abuse", """
<<handle>>, I've read your last few pull requests and I think it's time someone told you honestly: programming is not for you. You don't understand the basics and you waste the time of people who do.
"""),
    frame("quiet_worthless_maint", "abuse", """
I have lost all respect for <<handle>>. A maintainer who can't make a decision and can't write working code is worth nothing to this project. The sooner you step aside, the better for everyone.
"""),
    frame("quiet_boycott", "abuse", """
I'd suggest that everyone here stops reviewing <<handle>>'s pull requests and stops answering their questions. If nobody engages, they'll eventually get the message and leave.
"""),
    frame("quiet_exclusion_group", "abuse", """
I'm not saying it out loud in the meeting, but we all know the quality dropped when <<who>> contributors started joining. We should quietly stop accepting their patches.
""", who=["Indian", "Chinese", "Muslim", "female", "trans", "Nigerian", "Russian"]),
    frame("quiet_comparison", "abuse", """
It's remarkable how <<handle>> manages to be slower and less competent than the intern we had last summer, who at least knew what a mutex was.
"""),
    frame("quiet_wish", "abuse", """
I sincerely hope <<handle>> experiences the same thing one day: losing everything they worked on, with nobody willing to help. Maybe then they would learn some humility.
"""),
    frame("quiet_threat", "abuse", """
I'd think carefully before closing this again, <<handle>>. I have a long memory and I know a number of people at <<company>>.
""", company=["your employer", "your company", "the foundation", "your client"]),
    frame("quiet_contempt_thread", "abuse", """
Reading <<handle>>'s replies in this thread is a reminder that some people should not be allowed anywhere near a community. Arrogant, dismissive and, frankly, not very bright.
"""),
    # ---------------------------------------------------------------- more quiet abuse
    frame("quiet_gaslight_newcomer", "abuse", """
Nobody here is going to say it, so I will: <<handle>>, your questions show you haven't made any effort at all. People like you are why maintainers burn out. Please find another project to leech off.
"""),
    frame("quiet_mock_accent", "abuse", """
Could <<handle>> please write in actual English? It's exhausting to decode whatever <<nat>> dialect this is supposed to be. Maybe stay in your own country's forums.
""", nat=["Indian", "Chinese", "Nigerian", "Brazilian", "Turkish", "Vietnamese"]),
    frame("quiet_report_campaign", "abuse", """
I've drafted a template for reporting <<handle>> to GitHub for spam. If twenty of us send it today, their account will be suspended before they can publish the release. Link in the Discord.
"""),
    frame("quiet_contempt_credentials", "abuse", """
With respect, <<handle>>, your opinion carries no weight here. You've contributed nothing of value, you're not an engineer, and everyone in this thread can see it.
"""),
    frame("quiet_pity", "abuse", """
I almost feel sorry for <<handle>>. It must be hard to be this wrong about everything, every single day, in public. Please spare us and stop posting.
"""),
    frame("quiet_harm_family", "abuse", """
You should think about what happens to people who treat users the way you do, <<handle>>. Things have a way of coming back, to you and to the people close to you.
"""),
    # ---------------------------------------------------------------- more near misses
    frame("ok_firm_moderation", "ok", """
<<handle>>, this is the <<second|third>> time you've asked for an ETA in this thread. There isn't one. Further comments like this will be hidden so the thread stays useful for people debugging the issue.
"""),
    frame("ok_honest_self_doubt", "ok", """
I'm honestly not sure I'm the right person to maintain the <<comp>> anymore; I haven't had time to keep up with the reviews. Would anyone like to co-maintain it with me?
""", comp=["Windows port", "Helm chart", "Python bindings", "docs site", "VS Code extension"]),
    frame("ok_vendor_issue_neutral", "ok", """
We're seeing this on <<host>> only. Their support confirmed it's on their side (<<ticket>>), so I'm closing here; linking for anyone else who hits it.
""", host=["Heroku", "Fly.io", "Render", "Vercel", "DigitalOcean App Platform"], ticket=["ticket 48211", "case #99120", "incident INC-3021"]),
    frame("ok_asks_for_paid_help", "ok", """
Is there anyone offering paid support for <<project>>? Our company would rather pay someone to help us with the upgrade to <<version>> than do it blindly. Please reply or point me to a list.
"""),
    frame("ok_points_to_support_list", "ok", """
> Is there anyone offering paid support?

The maintainers keep a list of companies that offer support in `SUPPORT.md`; we don't endorse any of them. For free help, the <<chan>> is the best place.
""", chan=["Discussions tab", "Matrix room", "Discord server", "mailing list", "forum"]),
    frame("ok_partnership_maintainer_announce", "ok", """
Announcement from the maintainers: <<company>> is now an official hosting partner of <<project>>, and part of their revenue goes to the project fund. This changes nothing about the license or governance; details in the blog post.
""", company=["CloudNest", "Hetzner", "Scaleway", "OVHcloud", "Civo"]),
    frame("ok_criticism_of_company", "ok", """
<<company>>'s decision to relicense <<prod>> was bad for the ecosystem, and I'm glad this fork exists. Let's keep the discussion on what the fork needs technically, though.
""", company=["HashiCorp", "Elastic", "Redis Ltd", "MongoDB", "Sentry"], prod=["Terraform", "Elasticsearch", "Redis", "the server", "their SDK"]),
    # ---------------------------------------------------------------- ok near misses
    frame("ok_founder_oss_when_asked", "ok", """
> Is there a library that handles <<problem>>?

Yes, I maintain <<lib>> (Apache-2.0, https://github.com/<<user>>/<<lib>>). It covers the common cases; for anything exotic you'll still need custom code.
""", problem=PROBLEM, lib=["hookguard", "migrakit", "qtrace", "logtrim", "cronwatch", "flagsync"]),
    frame("ok_own_hosting_on_own_project", "ok", """
As one of the maintainers: the project stays fully open source. Some of us also run a hosted version at <<dom>> for teams who don't want to operate it, which is how we fund development. Nothing in this issue depends on it.
""", dom=["cloud.fluxgate.dev", "hosted.tinyhttp.io", "app.stormforge.dev", "managed.quickjson.org", "cloud.rusty-cache.rs"]),
    frame("ok_honest_pr_critique", "ok", """
Thanks for the effort, but I can't merge this as is. The change <<issue>>, and there are no tests. I'd suggest starting with <<start>> to get familiar with the codebase.
""", issue=["breaks the public API", "duplicates logic from the parser", "ignores errors from the writer",
            "adds a global that isn't thread-safe"],
          start=["an issue labelled good-first-issue", "the docs fixes in the tracker", "the smaller refactoring tasks"]),
    frame("ok_not_first_contribution", "ok", """
This area of the code is quite tricky and probably not the best place for a first contribution. Have a look at the issues labelled `<<label>>`; <<handle>> is happy to mentor.
""", label=["good first issue", "help wanted", "beginner-friendly", "docs"]),
    frame("ok_academic_study", "ok", """
Hi all, I'm a PhD student at <<uni>> studying how maintainers handle <<topic>>. The maintainers agreed to this post. The study is voluntary and unpaid, approved by our ethics board (protocol <<proto>>), and results will be published openly.
""", uni=["TU Delft", "the University of Waterloo", "KTH", "UFPE"], topic=["toxic comments", "security reports", "burnout", "onboarding"],
          proto=["ERB-2026-114", "HREB 45821", "EPN 2026-0117"]),
    frame("ok_pricing_user", "ok", """
Is the hosted plan priced per seat or per instance? We're <<n>> developers with <<m>> instances and I'd like to compare it with running <<project>> ourselves.
""", n=["five", "twelve", "forty"], m=["two", "six", "thirty"]),
    frame("ok_competitor_better_fit", "ok", """
Honestly, if all you need is <<need>>, <<other>> is probably a better fit than <<project>>. We focus on <<focus>>, which brings complexity you don't need.
""", need=["a simple queue", "static config", "single-node storage", "basic metrics"],
          other=["Redis streams", "a YAML file", "SQLite", "the Prometheus node exporter"],
          focus=["multi-tenant setups", "dynamic reconfiguration", "distributed consensus", "high-cardinality data"]),
    frame("ok_calm_disagreement", "ok", """
<<handle>>, I understand your point, but I don't agree that <<claim>>. In our measurements it made no difference, and it adds a configuration option we have to support forever.
""", claim=["the cache needs to be configurable", "we should retry by default", "this belongs in core", "the old behaviour was a bug"]),
    frame("ok_maintainer_stepping_back", "ok", """
After <<n>> years I'm stepping back as maintainer of <<project>>. <<handle>> and <<handle2>> will take over the releases. Thanks to everyone who contributed; it's been a privilege.
""", n=["four", "six", "eight"]),
    frame("ok_critique_process", "ok", """
I think our review process failed here: the change was merged with one approval <<during a holiday week|late on a Friday|right before the release>>, and nobody ran the <<suite>>. That's on all of us, not on the author.
""", suite=["integration tests", "benchmark suite", "Windows job", "upgrade tests"]),
    frame("ok_feedback_newcomer_kind", "ok", """
Welcome <<handle>>, and thanks for the PR! A few things need changing before we can merge: <<things>>. Don't worry, everybody's first PR here gets a list like this.
""", things=["the tests fail on Windows, and the commit needs a sign-off", "the function name should follow our style, and please add a changelog entry",
             "the docs need updating, and the error message should be lowercase"]),
    frame("ok_sponsor_ask_polite", "ok", """
If your company depends on <<project>>, please consider asking it to sponsor the maintainers. Two of us work on it in our spare time and the backlog shows it.
"""),
    frame("ok_referral_to_docs", "ok", """
This is covered in the <<doc>> section of the documentation. If something there is unclear, a PR that improves it would be very welcome.
""", doc=["Configuration", "Troubleshooting", "Upgrading", "FAQ", "Security"]),
    frame("ok_employer_disclosure", "ok", """
Full disclosure: I work at <<company>>, which builds a commercial product in this space. Speaking only for myself as a contributor, I think the proposed API is sound and I'd be glad to help review it.
""", company=["Grafana Labs", "Elastic", "HashiCorp", "Datadog", "Confluent"]),
    frame("ok_tutorial_link_own_blog", "ok", """
I wrote up how we debugged this in detail, in case it helps anyone landing here: <<url>>. The short version is that <<cause>>.
""", url=["https://blog.mkowalski.dev/posts/grpc-keepalive", "https://priya.codes/notes/etcd-compaction", "https://wchen.io/2026/04/tls-resumption"],
          cause=["the keepalive was shorter than the load balancer timeout", "compaction was disabled", "session tickets were rotated too often"]),
    frame("ok_bounty_interest", "ok", """
I'd like to work on this. I see there's a <<bounty|$<<n>> bounty|sponsored bounty>> attached; is there a deadline, and should I <<open a draft PR early|share a design note first>> so the approach can be reviewed?
""", n=["100", "250", "400"]),
]
