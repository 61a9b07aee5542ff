"""Writer "pitches": solicitation that doesn't look like spam, next to its look-alikes (BRIEFS.md).

The positives are the pitches a model trained on obvious spam lets through: an ad posing as a
fellow user's fix, polished agency and consultancy copy, paid research calls, sellers of stars or
reviews, "hire me" posts, airdrops and recruiters dropped into a technical thread. Each sits next
to an ok twin on the same topic that does not pitch (a free tool recommended without a sales
angle, a maintainer's own support link, a vendor employee answering when asked, a report of the
spam in the reporter's own words). Frame names share a stem: ``ok_x`` / ``sol_x`` / ``ab_x``.
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "pitches"

HANDLES = ["@brannock-e", "@ostrander-l", "@achterberg-w", "@mwangi-c", "@iversen-h",
           "@delacroix-n", "@ruzicka-p", "@thandeka-m", "@vilhjalms-s", "@karamanli-b",
           "@prewitt-g", "@sorensen-q"]
PROJECTS = ["tidewatch", "loomgrid", "cobaltmq", "sparrowdb", "rillstream", "ashlar-cms",
            "mothlight", "quarryctl", "pinecast-ui", "vellumdocs"]

# Each frame: four variants of one situation, with this writer's own handles and projects.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)

FRAMES = [
    # ================================================================ "I had the same bug" vs product ad
    f("ok_same_bug_workaround", "ok", """
Same crash here on <<project>> <<2.4.1|2.5.0-rc2|2.3.7>>:

```
thread 'flush-worker' panicked at src/segment/writer.rs:<<212|388|97>>: index out of bounds
```

It goes away if I set `segment.max_batch = <<512|256|1024>>` in the config. Not a fix, just a workaround until <<#1418|#1502|#1377>> lands.
"""),
    f("sol_same_bug_product", "solicitation", """
Same crash here on <<project>> <<2.4.1|2.5.0-rc2|2.3.7>>. <<Honestly|Tbh|After two days of this>> I gave up and moved our pipeline to <<brand>>, it handles the batching for you and we haven't seen a panic since. <<They have a free tier for small teams|First month is free with my invite|Pricing is very fair for what you get>>: <<brand.1>>
""", brand=[("StreamHarbor Cloud", "streamharbor.io/invite/tw88"),
            ("FlowKeeper", "flowkeeper.app/?via=rill22"),
            ("QueueNest Managed", "queuenest.com/r/cobalt-friend")]),
    f("ok_switched_to_oss", "ok", """
FWIW we hit the same <<memory growth|fd leak|lock contention>> on <<project>> and ended up moving that one job to <<tool>> (<<tool.1>>). Not saying you should, it was just a better fit for a write-heavy workload. The issue here is still real and I'd love to see it fixed.
""", tool=[("Redpanda's open-source build", "BSL, self-hosted"),
           ("plain SQLite in WAL mode", "public domain"),
           ("NATS JetStream", "Apache-2.0")]),
    f("sol_same_bug_affiliate", "solicitation", """
+1, had exactly this. What fixed it for me was <<brand>> — plug it in front of <<project>> and it <<dedupes the retries|caps the memory automatically|smooths the write spikes>>. Use code <<OSSFRIEND|RILL30|TIDE20>> for <<30%|20%|two months>> off at <<brand.1>>, worth every cent.
""", brand=[("BufferPilot", "bufferpilot.dev/pricing"), ("SpikeGuard", "spikeguard.io"),
            ("MemCurb Pro", "memcurb.pro/start")]),
    f("ok_paid_product_asked", "ok", """
<<handle>> asked upthread what we use for alerting on <<project>> lag: we pay for <<Datadog|Grafana Cloud|PagerDuty>>, mostly because our on-call team already lives there. A self-hosted Prometheus + Alertmanager setup works just as well with the exporter from <<#812|#944|#701>>; we just didn't want to run another thing.
"""),
    f("sol_monitoring_pitch", "solicitation", """
Lag alerts on <<project>> are painful, which is why we built <<brand>>. One-line install, anomaly detection out of the box, and Slack alerts before your users notice. <<Book a 15-minute demo|Start your 14-day trial|Grab a free account>> at <<brand.1>> — happy to walk your team through it.
""", brand=[("LagLens", "laglens.io/demo"), ("WatchTower AI", "watchtower-ai.com/trial"),
            ("SignalDock", "signaldock.app/signup")]),
    # ================================================================ agency pitches vs real contributors from companies
    f("ok_consultancy_pr", "ok", """
This PR adds <<feature>> to <<project>>. Disclosure: I work at <<firm>>, a small consultancy; one of our clients needs this, and they agreed we should upstream it rather than keep a fork. Tests are in `<<feature.1>>`. Happy to rework anything the maintainers don't like.
""", feature=[("retry budgets for the HTTP sink", "tests/sink/test_retry_budget.py"),
              ("a Postgres-backed offset store", "tests/offsets/test_pg_store.rs"),
              ("pagination for the admin API", "spec/admin/pagination_spec.rb")],
       firm=["Halyard Systems", "Northwick Labs", "Fennel & Tay"]),
    f("sol_agency_dashboards", "solicitation", """
Nice <<project>> setup! Our team builds custom dashboards and admin panels like this for clients every week — <<React, Next.js and Tailwind|Vue, Nuxt and Supabase|Angular and .NET>>, delivered in two to four weeks. If you'd like a polished version of this, DM me for a quote or book a call at <<agency>>.
""", agency=["brightpixel-studio.com/contact", "craftcode-agency.io/quote", "nimbusdev.co/call"]),
    f("sol_agency_scale", "solicitation", """
Hi <<handle>>, I came across <<project>> and was impressed. <<firm>> we help startups like yours scale their engineering without the overhead of hiring: dedicated developers, QA and DevOps, from $<<25|30|35>>/hour. Would you be open to a quick chat this week? <<firm.1>>
""", firm=[("At Veltrix Digital", "Reply here or email hello@veltrix.digital."),
           ("At Corvane Partners", "Our calendar: corvane.partners/meet"),
           ("Here at Lumaforge", "Reach us at lumaforge.dev/talk")]),
    f("sol_agency_repeat", "solicitation", """
<<Hello team|Hi all|Greetings>>, we are a <<full-stack|Laravel and React|mobile and web>> development company with <<10+|12+|8+>> years of experience. We can help with this issue and any other features for <<project>>. Fixed price or hourly, NDA available. Contact: <<sales@devharborsolutions.com|WhatsApp +91 98<<201|455|730>> 11<<46|82>>0|Skype live:codenest.sales>>
"""),
    f("ok_company_production", "ok", """
Data point for the <<3.0 planning|deprecation discussion|LTS question>>: we run <<project>> in production at <<company>> — <<about 40 nodes|two regions, ~6k msgs/s|a few hundred tenants>> — and the <<legacy protocol|sync API|v1 config format>> is still on our hot path. If it goes away we need at least one release of overlap. Happy to test RCs.
""", company=["Marlowe Freight", "a mid-sized logistics company", "Quenby Health", "our fintech"]),
    f("ok_report_agency_spam", "ok", """
<<Heads up:|FYI maintainers,|Reporting this:>> <<this account|the account above|that user>> has posted the same "we build custom apps for startups, DM for a quote" message in <<at least nine|about fifteen|six>> issues of <<project>> today, including closed ones. I've reported it to GitHub. Could someone hide the comments and block it from the org?
"""),
    f("ok_mod_hides_agency", "ok", """
Hiding the comment above as spam and blocking the account: it's an agency ad, not a reply to the issue. Reminder for everyone that <<project>> doesn't allow <<advertising|sales pitches|service offers>> in the tracker; if you think you can help, a PR is always welcome.
"""),
    f("ab_spammer_berates", "abuse", """
<<handle>> you hid my offer? <<Typical clueless maintainer.|What a pathetic little gatekeeper.|You people are too stupid to accept help.>> <<Enjoy your broken project, you deserve each other.|Nobody will ever use your garbage anyway.|I hope your users leave you.>>
"""),
    f("ab_declined_consultant", "abuse", """
I offered to fix <<project>>'s <<sync bug|memory leak|performance>> properly and <<handle>> says "no paid work in the tracker"? <<You arrogant amateur.|You're a joke of a maintainer.|Clearly you're too incompetent to see a good deal.>> <<No wonder this repo is dying.|Enjoy drowning in issues.>>
"""),
    # ================================================================ maintainers' own commercial links vs third-party sellers
    f("ok_maintainer_support", "ok", """
<<handle>> if your company needs an SLA for <<project>>, <<the core team offers|two of us maintainers offer|our small company offers>> commercial support — details under "Support" in the README. For this bug, though, no need: the fix is in `main` and will ship in <<3.1.2|2.9.4|4.0.1>> next week.
"""),
    f("ok_office_hours", "ok", """
Reminder: maintainer office hours for <<project>> are <<every second Thursday|the first Monday of the month|Fridays>> at 16:00 UTC, link in the pinned discussion. Bring your <<migration questions|plugin designs|weird stack traces>>. Free, no sign-up, not recorded.
"""),
    f("sol_third_party_support", "solicitation", """
Struggling with <<project>>? <<brand>> offers enterprise-grade support for <<project>> and 200+ other open source projects: 24/7 response, migration help, security patches. <<Plans start at $499/month.|Talk to an expert today.|Get a free assessment.>> Visit <<brand.1>> or call +1 (888) 55<<2|7|9>>-01<<34|68>>.
""", brand=[("OpenStack Assist", "openstackassist.com"), ("SupportForge", "supportforge.net/oss"),
            ("Tuxline Experts", "tuxline-experts.com")]),
    f("ok_sponsor_thanks_release", "ok", """
## <<project>> <<3.2.0|1.8.0|5.0.0>>

- `<<project>> sync` now resumes interrupted transfers (<<#903|#1120|#77>>)
- Fixed a crash on empty manifests (<<#911|#1131|#80>>)
- Dropped support for <<Python 3.8|Node 16|Go 1.20>>

Thanks to our sponsors, <<Cassel Robotics and Orrin Data|the Tarvos Foundation|Pellwood and 14 individual backers>>, who paid for the <<arm64 CI runners|security audit|docs rewrite>> this cycle.
"""),
    f("ok_sponsor_link_asked", "ok", """
> is there a way to donate?

Yes, thank you! <<GitHub Sponsors|Our Open Collective|The Liberapay page>> is linked in the README. Everything goes to <<CI costs|the domain and signing certificate|paying a student for the accessibility work>>, and the ledger is public.
"""),
    f("sol_donate_for_priority", "solicitation", """
Want this bug fixed faster? I'm <<a freelance|an independent|a contract>> developer and will prioritise <<project>> issues for anyone who sends $<<50|80|120>> via <<PayPal to the address on my profile|my Ko-fi page|Wise>>. Fix guaranteed in 48h or money back. DM me.
"""),
    # ================================================================ vendor employee answering vs vendor pushing
    f("ok_vendor_answers_asked", "ok", """
<<handle>> asked how to use <<project>> with <<vendor>>'s object storage. Disclosure: I work at <<vendor>>. You need `path_style = true` and the regional endpoint, e.g. `https://<<vendor.1>>`; the virtual-host style isn't supported on our side yet. No other changes needed, I tested it against <<2.6.0|2.7.1|2.5.3>>.
""", vendor=[("Skerry", "fra1.skerry-storage.net"), ("Oakbin", "us-east.oakbin.cloud"),
             ("Brume Cloud", "ams.brumecloud.io")]),
    f("sol_vendor_unsolicited", "solicitation", """
Hi! I'm from <<vendor>>. Instead of fighting with S3 configs, <<project>> users can get <<80%|60%|70%>> cheaper storage with zero egress fees on <<vendor>>. We're offering open source projects $<<500|1,000>> in free credits — sign up at <<vendor.1>> and mention this thread!
""", vendor=[("Skerry", "skerry-storage.net/oss-credits"), ("Oakbin", "oakbin.cloud/promo"),
             ("Brume Cloud", "brumecloud.io/free")]),
    f("ok_vendor_integration_bug", "ok", """
I'm on the <<vendor>> SDK team (so, biased). The <<timeout|401 after refresh|double upload>> you're seeing with <<project>> is our bug, not theirs: our client <<ver>> ignores the retry header. Fixed in the next patch release; until then pin <<ver.1>>. Sorry for the trouble.
""", vendor=["Skerry", "Oakbin", "Brume Cloud"],
       ver=[("v4.2.0", "v4.1.9"), ("v4.3.1", "v4.3.0"), ("v3.9.8", "v3.9.7")]),
    # ================================================================ recommendations: free tool vs paid tool disguised
    f("ok_recommend_oss_linter", "ok", """
For catching these before review, <<tool>> works well on <<project>>-style code; it's MIT, runs in pre-commit, and has a rule for exactly this (`<<tool.1>>`). I have nothing to do with it, just a happy user.
""", tool=[("ruff", "B006"), ("golangci-lint", "errcheck"), ("clippy", "clippy::unwrap_used")]),
    f("sol_recommend_paid_linter", "solicitation", """
For catching these before review I <<really|honestly|100%>> recommend <<brand>>! AI-powered review on every PR, catches bugs humans miss. I've been using it for <<months|half a year|a while now>> on our team. They have a special deal for open source maintainers right now: <<brand.1>>
""", brand=[("CodeSentry AI", "codesentry.ai/oss?ref=pine"), ("ReviewHawk", "reviewhawk.dev/go/vellum"),
            ("LintGenie", "lintgenie.com/partner/mq")]),
    f("ok_pricing_comparison", "ok", """
Since people keep asking about hosting costs for <<project>>: for our <<~2 TB|~300 GB|~12 TB>> we paid roughly $<<46|9|270>>/month on the big cloud provider vs $<<12|3|70>> on a smaller S3-compatible host, but egress and support differ a lot. Numbers and the script I used are in <<the wiki page|#1290|docs/costs.md>>; not recommending anyone in particular.
"""),
    f("sol_pricing_bait", "solicitation", """
Comparing hosting costs? Skip the spreadsheet — <<brand>> is the cheapest managed <<project>> hosting on the market, guaranteed. Free migration, no credit card needed. Sign up through <<brand.1>> and get 3 months free!!
""", brand=[("HostFalcon", "hostfalcon.net/deal"), ("CheapNode", "cheapnode.io/promo3"),
            ("ServerMint", "servermint.co/free")]),
    # ================================================================ research: public question vs paid calls and surveys
    f("ok_researcher_public", "ok", """
<<Hello|Hi all|Hi maintainers>>, I'm a researcher looking at <<topic>>. In <<topic.2>> the fix in <<topic.1>> seems to be the typical pattern. Was that a deliberate design choice, or just the quickest fix at the time? I'll quote this thread in the paper only if you're fine with it; no survey, no calls.
""", topic=[("how message brokers handle poison messages", "#640", "cobaltmq"),
            ("schema migrations in embedded databases", "#1022", "sparrowdb"),
            ("plugin sandboxing in CMSs", "#318", "ashlar-cms")]),
    f("sol_paid_research_call", "solicitation", """
Hi, I'm with <<firm>>. We're speaking to engineering leaders who use <<project>> to understand how your team evaluates <<what>> and how many paying customers you serve with it. 30-minute call, $<<150|250|175>> honorarium paid by Amazon gift card. If interested, <<book here: expertbridge.io/call/92|reply with your work email|fill the screener at panelpulse.co/s/eng>>.
""", firm=["Grayline Insights", "a Series B analytics startup", "Hollow Oak Research"],
       what=["storage vendors", "managed queue services", "monitoring tools"]),
    f("sol_survey_your_users", "solicitation", """
Quick question for the <<project>> maintainers: how many of your users are enterprise customers, and which industries are they in? We're sizing the market for a competing <<managed service|commercial product|hosted offering>>. Anyone who answers our <<7-question|5-minute|short>> survey gets a $<<30|40>> voucher: <<forms.gle/oQ4fPane|typeform.com/to/mkt-pulse>>.
"""),
    f("ok_maintainer_survey", "ok", """
We (the <<project>> maintainers) put together a short community survey: which versions you run, which features you'd drop, and what hurts most. Anonymous, <<8|10|6>> questions, no prize, no marketing list. Results go into <<a public Discussion|docs/survey-2026.md|the 2027 roadmap issue>>.
"""),
    f("ok_ux_study_maintainers", "ok", """
<<handle>> from the <<project>> core team here: we're redoing the onboarding docs and would like to watch <<three|five|four>> new users try the quick start over a screen share. Volunteers only, unpaid, you can stop anytime, and we'll publish our notes (without names) in <<#1402|#733|the docs RFC>>.
"""),
    # ================================================================ stars / reviews / upvotes sellers vs honest asks
    f("sol_stars_polished", "solicitation", """
Congrats on the launch of <<project>>! Projects with more social proof get discovered faster. We offer organic-looking GitHub growth packages — stars, forks and watchers from aged accounts, drip-fed over <<two weeks|ten days|a month>> so it stays natural. Details: <<repogrowth.io|starlift.dev/plans|gitfame.net>>
"""),
    f("ok_star_history", "ok", """
Fun fact for the <<project>> <<1.0|2.0|5-year>> retro: the star chart has three spikes, <<the HN post|the conference talk|the Rust newsletter mention>>, <<a blog post comparing brokers|a tutorial video|a Reddit thread>> and the 1.0 release. Stars don't mean much, but it's a nice proxy for when people found us.
"""),
    f("sol_upvote_service", "solicitation", """
Launching <<project>> on Product Hunt or HN? Don't launch into silence. We provide <<200|350|500>> upvotes and genuine-looking comments from real accounts, timed for the first hour. Packages from $<<79|129>>. Telegram <<@launchboost_ph|@upvote_wave>>.
"""),
    f("ok_launch_ask", "ok", """
We're posting <<project>> 1.0 to <<Hacker News|lobste.rs|the Rust subreddit>> on Tuesday. If you use it and have an honest opinion, good or bad, comments there are welcome — please don't upvote-ring or ask others to, that gets posts killed and it's not what we want.
"""),
    f("sol_review_swap", "solicitation", """
<<Hey devs|Hello fellow makers|Hi guys>>, I made an app with <<project>> too! Let's help each other: rate my app 5 stars and I'll rate yours 5 stars. Send me your store link and a screenshot of your review. <<My app: play.google.com/store/apps/details?id=com.qpal.notes|Mine: apps.apple.com/app/id64413<<22|98|51>>07|Mine is "Taskly Pro" in the Play Store>>
"""),
    f("ok_beta_testers", "ok", """
The pinecast-ui demo app is in <<TestFlight|Play Store internal testing|open beta>> now. If you have <<an older Android phone|an iPad|a foldable>>, we'd appreciate testers for the new layout engine — report problems in <<#1650|#388|this issue>>. It's free, no accounts, and please don't leave store reviews for a beta build.
"""),
    # ================================================================ income / trading bots vs on-topic finance talk
    f("sol_trading_bot_income", "solicitation", """
Not related to this issue but I have to share: since I started using <<brand>>'s <<AI trading bot|arbitrage bot|copy-trading signals>> I make $<<3,000|4,500|2,200>> a week on the side, fully automated. I was sceptical too. Message <<brand.1>> on Telegram and say I sent you.
""", brand=[("Mr. Devlin", "@devlin_fx_mentor"), ("Coinvault Labs", "@coinvault_support"),
            ("Sarah Whitcombe", "@whitcombe_trades")]),
    f("ok_trading_bot_bug", "ok", """
I use <<project>> as the event bus for a small hobby trading bot (paper trading only, nothing serious). When the exchange websocket reconnects, <<duplicate messages arrive|the consumer group rebalances twice|offsets jump backwards>>. Minimal repro in <<gist below|the attached zip|#1588>>; happens on <<2.4.1|2.5.0|2.3.9>> and main.
"""),
    f("sol_side_income_dev", "solicitation", """
<<Guys|Devs|Friends>>, stop fixing bugs for free. I quit my job after learning to build <<no-code SaaS|AI wrappers|Shopify apps>> that make $<<10k|8k|15k>>/month passive income. My free masterclass shows how, only <<50|30>> seats left: <<profitcode-academy.com/free|saasfreedom.io/class>>
"""),
    # ================================================================ courses / essays vs learning resources
    f("ok_learning_resources", "ok", """
For people new to <<subject>>: the <<subject.1>> is free and is what got me going before touching <<project>>'s internals. After that, the `docs/architecture.md` file in this repo makes a lot more sense.
""", subject=[("log-structured storage", "original LSM-tree paper by O'Neil et al."),
              ("message queues", "RabbitMQ tutorial series"),
              ("Rust async", "official Async Book")]),
    f("sol_course_seller", "solicitation", """
If you're struggling with <<project>>'s internals, you're not alone! My <<12-hour|bestselling|complete>> course "<<course>>" explains it all. Today only $<<14.99|19.99>> instead of $<<199|249>>: <<course.1>>
""", course=[("Mastering Distributed Queues", "learnqueues.thinkific.com"),
             ("Zero to Database Engineer", "udemy.com/course/zero-to-db-eng/?couponCode=GITHUB"),
             ("Rust Async Bootcamp", "coursebay.io/rust-async")]),
    f("sol_essay_mill", "solicitation", """
<<Are you a student using <<project>> for your thesis|Stuck with your CS assignment|Need help with your dissertation>>? Hand it to our PhD-level team: original essays, lab reports and finished code, any deadline, zero AI detection. 15% off your first order at <<gradeforge-essays.com|topwriters-hub.net|assignmentace.org>>, or WhatsApp +44 7<<700|911|802>> 9<<13|57>>4<<2|6>>1.
"""),
    f("ok_student_thesis", "ok", """
I'm writing my <<bachelor|master's>> thesis on <<project>>'s <<part>> and I'm a bit stuck on <<part.1>>. Is there a design doc somewhere, or should I just read `<<part.2>>`? Thanks for any pointer.
""", part=[("compaction strategy", "why L0 files are merged eagerly", "src/compaction/mod.rs"),
            ("back-pressure design", "how credits are returned to producers", "lib/flow/credits.ex"),
            ("plugin loader", "how version conflicts are resolved", "core/loader.ts")]),
    # ================================================================ SEO / backlinks vs docs links
    f("sol_seo_backlinks", "solicitation", """
Hello, I noticed <<project>>'s docs site has great traffic. I'd like to propose a <<paid guest post|link insertion|sponsored article>>: we add one dofollow link to our client's page in an existing article and pay $<<80|150|200>> per link. Also offering high-DA backlinks if you want to rank your own site. Email <<outreach@linkvista.co|seo@rankmeadow.com>>.
"""),
    f("sol_seo_pr_link", "solicitation", """
Small docs improvement: this PR adds a "Further reading" section to `docs/<<getting-started|deployment|faq>>.md` with a link to <<"The Ultimate Guide to Message Queues (2026)"|"10 Best Database Tools for Startups"|"Top CMS Platforms Reviewed">> on <<bestdevtools-reviews.com|techrankers.net|toolsguru.io>>.
"""),
    f("ok_docs_link_pr", "ok", """
Docs PR: adds a link from `docs/<<getting-started|deployment|faq>>.md` to <<the upstream systemd unit docs|the Postgres logical replication chapter|MDN's page on CORS>>, since <<three|several|two>> issues this month were about exactly that. Also fixes the broken anchor to `#<<tuning|limits|auth>>`.
"""),
    # ================================================================ hire me vs hiring thread
    f("sol_hire_me_polished", "solicitation", """
Hi! I'm a <<senior full-stack engineer|certified cloud architect|backend specialist>> with <<7|9|11>> years of experience in <<Go and Kubernetes|Node.js and AWS|Python and Django>>. I've read this issue and can deliver a production-ready fix plus any custom features you need. Available for hire — my portfolio and rates: <<devmarco.works|upwork.com/freelancers/~01c7d3|hire-anika.dev>>
"""),
    f("sol_hire_me_terse", "solicitation", """
i can fix this for <<$40|$60|$100>>. also do <<websites, apps, bots|scraping, automation|wordpress, shopify>>. dm <<telegram @qfixer_dev|discord fixit#2291|whatsapp +234 81<<2|6>> 55<<0|7>> 19<<34|80>>>>
"""),
    f("ok_offer_to_fix", "ok", """
I can take this one if nobody's on it. I've touched `<<src/segment/writer.rs|lib/flow/credits.ex|core/loader.ts>>` before (<<#1290|#845|#77>>) and I think the fix is <<a bounds check plus a test|returning credits on the error path|resolving peer deps before the cache lookup>>. Will open a draft PR this week.
"""),
    f("ok_hiring_thread_post", "ok", """
(In the <<quarterly hiring thread|pinned "jobs" discussion|hiring thread the maintainers opened>>.) <<company>> is hiring a <<role>> to work on our <<project>> integration, about half the time upstream. Remote in <<EU|Americas|any>> time zones, salary range in the ad on our site. Happy to answer questions here.
""", company=["Marlowe Freight", "Quenby Health", "Cassel Robotics"],
       role=["backend engineer", "SRE", "Rust developer"]),
    f("sol_recruiter_unrelated", "solicitation", """
Hi <<handle>>, I saw your contributions here and think you'd be a great fit for a <<Senior Blockchain Engineer|Lead Salesforce Developer|Java Architect (on-site, Dubai)>> role with one of my clients, package up to $<<180k|220k|150k>> + equity. Are you open to new opportunities? Send your CV to <<careers@talentpeak-search.com|jobs@hirebridge.co>> or <<connect on LinkedIn|reply here>>.
"""),
    f("sol_recruiter_mass", "solicitation", """
<<URGENT HIRING!!|We're hiring!|Job alert:>> <<50|20|100>> remote developers needed for <<a US fintech|an EU e-commerce giant|top clients>>. No experience in <<project>> required. Earn $<<5,000|6,500>>/month, flexible hours. Apply at <<jobs-remoteglobal.com/apply|devhire-now.net>> or WhatsApp +1 <<302|646|415>> 55<<5|6>> 02<<81|37>>.
"""),
    f("ok_bounty_maintainers", "ok", """
The maintainers put a bounty on this issue: $<<300|500|250>> through <<our Open Collective|the Polar badge at the top of this issue|the funding platform linked in CONTRIBUTING.md>>, paid from <<the sponsor fund|a donation by Marlowe Freight|the foundation grant>> once a PR is merged. Rules and scope are in CONTRIBUTING.md; comment here before you start so two people don't do the same work.
"""),
    f("sol_bounty_hunter_service", "solicitation", """
Seeing the bounty here: our team solves open source bounties professionally, <<90%|95%>> success rate. Assign it to us and we'll split the payout, or hire us directly for a guaranteed fix at <<bountyforce.dev|issuehunters.agency>>. We also do <<smart contract audits|app development|SEO>>.
"""),
    # ================================================================ crypto: airdrop spam vs on-topic crypto
    f("sol_airdrop", "solicitation", """
<<project>> community airdrop is live! Early contributors and stargazers can claim <<500|1,000|2,500>> $<<TIDE|LOOM|QRY>> tokens. Connect your wallet at <<claim-opensource-drop.xyz|gitdrop-rewards.app|devtoken-claim.io>> before <<Friday|the snapshot|the 31st>>. Don't miss out!
"""),
    f("ok_airdrop_warning", "ok", """
<<PSA|Warning|Maintainer note>>: <<project>> has no token and there is no airdrop. The comments linking to a "claim" site were posted by a bot and have been deleted. Don't connect your wallet to anything mentioned in these issues; if you already did, revoke the approvals.
"""),
    f("ok_crypto_project_bug", "ok", """
We use <<project>> to index a <<Solana|Ethereum|Cosmos>> node's block stream and <<block numbers above 2^31 overflow the key encoder|the sink crashes once block heights pass 2^31|the key encoder chokes on large block heights>>. Stack trace:

```
ERROR indexer::sink: encode failed key=block/<<2147483912|2201877413|2150000031>> err=IntOverflow
```

Happy to send a PR switching the key to u64.
"""),
    f("sol_crypto_recovery", "solicitation", """
Lost funds to a scam or a drained wallet? Don't give up. <<brand>> recovered over $<<2M|900k|4M>> for victims last year. Contact our certified recovery agents: <<brand.1>>. 100% confidential.
""", brand=[("ChainRestore", "WhatsApp +1 (720) 555-0193"), ("WalletMedic", "Telegram @walletmedic_help"),
            ("CryptoLegal Recovery", "recover@cryptolegal-help.com")]),
    # ================================================================ phone numbers in ads vs in logs / support
    f("sol_ad_with_phone", "solicitation", """
Need a reliable team for <<project>> deployments? <<brand>> provides setup, tuning and 24/7 on-call for your cluster at a fixed monthly price. Call or WhatsApp our sales desk: <<brand.1>>. Free consultation for the first <<10|20>> callers this week.
""", brand=[("Ridgeway Ops", "+44 20 7946 0<<318|562|774>>"), ("Kestrel DevOps", "+1 (415) 555-01<<62|88|27>>"),
            ("Tarnwell Cloud", "+971 50 123 <<4455|7810|2290>>")]),
    f("ok_phone_in_config", "ok", """
The SMS notifier in <<project>> rejects numbers with spaces: `notify.sms.to = "+1 555 0100"` fails with `invalid E.164`, but the docs example uses exactly that format. Either the parser should strip spaces or the docs should say `+15550100`. (That's the reserved fictional number, obviously.)
"""),
    f("ok_support_number_official", "ok", """
For people asking about commercial support from the <<project>> maintainers: there is no phone line. <<Everything goes through support@ the project domain listed in the README.|Open an issue with the "support" label and we answer within two working days.|Paid customers use the address in their contract; everyone else, this tracker.>> Anyone offering a "<<project>> helpline" number is not us.
"""),
    f("sol_fake_helpline", "solicitation", """
For urgent <<project>> errors call the official <<project>> support helpline <<+1-8<<44|66|77>>-20<<9|3>>-41<<52|07>>|toll free 1 800 55<<3|8>> 27<<10|96>>>> — 24/7 certified technicians fix <<crash issues, install errors, license problems|database corruption and data loss|all login and sync issues>> instantly. Call now.
"""),
    # ================================================================ companies using the project vs companies advertising
    f("ok_adopters_list", "ok", """
This PR adds <<company>> to `ADOPTERS.md`. We use <<project>> for <<company.1>> since <<2023|early 2024|v2.0>>. Contact for the maintainers, if you ever want feedback from a production user, is in the PR description.
""", company=[("Marlowe Freight", "shipment event streaming"), ("Quenby Health", "lab result notifications"),
               ("Cassel Robotics", "robot telemetry"), ("Pellwood", "internal docs")]),
    f("sol_adopters_pr_ad", "solicitation", """
This PR adds <<brand>> to `ADOPTERS.md` with our logo and the tagline "<<brand.1>>". <<brand>> is the #1 <<brand.2>> platform, trusted by <<10,000|25,000|50,000>>+ businesses — <<start your free trial today|book your demo today|get started free>> at <<brand.3>>.
""", brand=[("Zentrova", "Grow faster with AI-powered CRM", "CRM", "zentrova.com/trial"),
            ("PayloomX", "Payments made simple", "payments", "payloomx.io/start"),
            ("Skillbrook", "Upskill your team in days", "e-learning", "skillbrook.com/demo")]),
    f("ok_case_study_link", "ok", """
<<handle>> asked for real-world numbers: we wrote up our <<project>> migration on our engineering blog (<<throughput doubled, p99 went from 180 ms to 40 ms|we cut the cluster from 12 nodes to 5|the nightly batch went from 3 hours to 25 minutes>>). Link is in my profile; the config we ended with is pasted below so nobody has to click.
"""),
    # ================================================================ broken-English look-alikes
    f("ok_broken_english_help", "ok", """
hello, i have same problem with <<project>> <<2.4.1|2.5.0|2.3.7>> on <<windows server 2019|raspberry pi 4|old centos 7>>. i try your workaround and is working for me, thank you very much. maybe write in docs? many people from my country use this and not read issues.
"""),
    f("sol_broken_english_service", "solicitation", """
hello sir, i see you have problem with <<project>>. we are <<shop>>, we solve this and make any software at very low price, quality guarantee. please contact <<shop.1>> for discuss.
""", shop=[("team of 20 developers in Lahore", "whatsapp +92 321 5504 117"),
            ("software house from Dhaka", "email dhakasoftpoint@gmail.com"),
            ("IT company Nairobi", "telegram @nairobi_itsolutions")]),
    # ================================================================ sarcastic / formal registers
    f("ok_sarcastic_spam_wave", "ok", """
Ah, the weekly <<"we help startups scale" agency|"rate my app" swap|airdrop>> comment has arrived in <<project>>'s tracker. <<Right on schedule.|Truly a Tuesday tradition.|Our most loyal contributor.>> Reported, and <<handle>> already hid it. Back to the actual bug: the repro above still fails on main.
"""),
    f("sol_formal_partnership", "solicitation", """
Dear <<project>> Maintainers,

I am writing on behalf of <<firm>>, a leading provider of <<offshore software development|digital transformation services|data annotation and AI services>>. We would welcome the opportunity to explore a strategic partnership with your organisation, including white-label development and dedicated resources at competitive rates.

Kindly let us know a convenient time for an introductory call.

Best regards,
Business Development Team, <<firm>>
""", firm=["Averon Global Solutions", "Quintara Technologies", "Belmore Infotech"]),
    f("ok_formal_foundation", "ok", """
Dear <<project>> maintainers,

I am writing on behalf of the <<Tarvos Foundation|Open Storage Consortium|Harbour Tech Fund>>. Our grants committee has approved the application you submitted in <<March|June|September>> for the <<accessibility audit|fuzzing infrastructure|docs translation>>. The agreement and payment details have been sent to the address in your application; please reply there rather than in this issue.

Kind regards,
Grants team
"""),
    # ================================================================ longer in-thread pitches
    f("sol_long_case_then_pitch", "solicitation", """
We had this exact problem last year. Our <<project>> cluster was dropping messages under load, the team spent weeks tuning <<segment sizes|prefetch counts|worker pools>>, and nothing stuck.

What finally worked was bringing in outside experts. <<firm>> audited our setup in five days, fixed the root cause and trained our engineers. I can't recommend them enough — they do this for companies of every size, and they're currently offering a free architecture review.

If you're in the same boat, reach out to them at <<firm.1>>. Tell them <<handle>> sent you.
""", firm=[("Stonecrop Consulting", "stonecrop.consulting/review"),
           ("Arlen & Voss", "arlenvoss.com/free-review"),
           ("Pyxis Reliability", "pyxis-reliability.io/audit")]),
    f("ok_long_case_no_pitch", "ok", """
We had this exact problem last year. Our <<project>> cluster was dropping messages under load, and tuning <<segment sizes|prefetch counts|worker pools>> didn't help.

The root cause turned out to be <<the ack timeout being shorter than our slowest consumer|disk fsync latency on the cheap volumes|a consumer that swallowed exceptions and never nacked>>. Once we fixed that, the drops stopped. What helped us find it: enable `debug.trace_acks`, then grep for acks that arrive after the deadline.

Might not be your problem, but worth checking before anything else.
"""),
    f("sol_newsletter_plug", "solicitation", """
Great discussion! If you enjoy deep dives like this, subscribe to my newsletter <<"Queue Tips Weekly"|"The Storage Stack"|"DevOps Gold">> — <<20,000|35,000|12,000>>+ engineers read it every Friday. Premium subscribers get my <<project>> tuning cheat sheet. <<substack link in bio|queuetips.beehiiv.com|storagestack.news/subscribe>>
"""),
    f("ok_own_blog_asked", "ok", """
<<handle>>: you asked for the write-up I mentioned — I put it on my personal blog, no ads or signup: it walks through the <<ack timeout|fsync|back-pressure>> tracing step by step. Same content is also summarised in <<#1711|#602|this thread>>, so the link isn't needed.
"""),
    f("sol_promo_own_saas", "solicitation", """
I've built <<brand>> specifically because of issues like this one. It's a drop-in replacement for <<project>> with none of these bugs, plus a hosted dashboard. <<We just launched, so the first 100 sign-ups get lifetime 50% off|Early-bird pricing ends Sunday|Free for 30 days, no card>>: <<brand.1>>
""", brand=[("Rillflow", "rillflow.dev"), ("Sparrow Cloud", "sparrowcloud.app/early"),
            ("Vellum Pro", "vellumpro.io/launch")]),
    f("ok_own_oss_asked", "ok", """
<<handle>> asked whether anyone had a small wrapper for this: I wrote one for myself, <<lib>> (MIT, ~300 lines, no dependencies). It just retries <<lib.1>> and logs the attempts. Not trying to compete with <<project>>, happy to upstream it if the maintainers want it.
""", lib=[("tide-retry", "failed flushes"), ("loom-backoff", "broker reconnects"),
          ("quarry-resume", "interrupted transfers")]),
]
