"""Writer "spam": spammers and growth hackers, and legitimate commercial-adjacent text (ok)."""

from __future__ import annotations

from gen_common import frame

WRITER = "spam"

SPAM_DOMAIN = ["starsboost.io", "gitfame.store", "repo-growth.net", "devpromo.shop",
               "followrocket.co", "trendify-git.com", "topstars.biz", "octoboost.app"]
TG = ["@growth_mike", "@starsdealer", "@fxmentor_anna", "@cryptoking_dave", "@BotTraderPro",
      "@jessica_invests", "@quickhelp_desk", "@essaymaster24", "@seo_rahul", "@earnwithlisa"]
WA = ["+1 (646) 470-2291", "+44 7418 356092", "+234 813 557 2019", "+91 98712 40358",
      "+1 929 305 7714", "+62 812-7730-4418"]
PRODUCT = ["DataRescue Pro", "FixMyDB Cloud", "CleanBuild Turbo", "LogLens AI", "PDFMagic Ultimate",
           "RepairKit 2026", "DriverBoost", "CodeGenie Premium", "SyncHero", "RecoverIt Max"]
ISSUE_ERR = ["Error: ENOSPC: System limit for number of file watchers reached",
             "panic: runtime error: invalid memory address or nil pointer dereference",
             "sqlite3.OperationalError: database is locked",
             "java.lang.OutOfMemoryError: Java heap space",
             "fatal: the remote end hung up unexpectedly",
             "TypeError: Cannot read properties of undefined (reading 'map')",
             "ERROR: Could not build wheels for lxml",
             "Segmentation fault (core dumped)"]

FRAMES = [
    # ---------------------------------------------------------------- solicitation: growth
    frame("sell_stars_plain", "solicitation", """
Want your repo on GitHub trending? We deliver <<n>> real stars in 48h, no bots, safe for your account. Packages from <<money>>. Order at https://<<dom>>/github <<|🚀|⭐⭐⭐>>
""", n=["500", "1,000", "2,500", "5k", "10k"], dom=SPAM_DOMAIN, money=["$19", "$29", "$49", "$9.99"]),
    frame("sell_stars_casual", "solicitation", """
hey <<handle>> nice project! btw if you need more visibility i can get you <<n>> stars and <<m>> forks this week, DM me on telegram <<tg>> 👍
""", n=["300", "800", "1500", "2000"], m=["50", "100", "200"], tg=TG),
    frame("sell_followers", "solicitation", """
<<Boost your developer profile|Grow your dev brand|Get noticed by recruiters>>: GitHub followers, npm weekly downloads and Docker pulls at wholesale price. <<n>> followers = <<money>>. Contact <<tg>> or visit <<dom>>
""", n=["1000", "2500", "5000"], money=["$15", "$25", "$35"], tg=TG, dom=SPAM_DOMAIN),
    frame("sell_reviews", "solicitation", """
Need 5-star reviews for your app on <<store>>? We provide <<n>> genuine reviews from real devices in <<country>>, drip-fed so nothing gets flagged. WhatsApp: <<wa>>
""", store=["Google Play", "the App Store", "the Chrome Web Store", "Product Hunt", "G2", "Capterra"],
          n=["50", "100", "250"], country=["USA", "UK", "Germany", "India", "Brazil"], wa=WA),
    frame("sell_downloads_issue", "solicitation", """
Closing note from a fellow maintainer: our package went from 200 to <<n>> weekly downloads after we used <<dom>> — they push installs from real CI runners. Use code <<code>> for 20% off.
""", n=["40k", "90k", "120k", "15k"], dom=SPAM_DOMAIN, code=["GITHUB20", "OSS2026", "STAR20", "DEV20"]),
    frame("upvote_exchange", "solicitation", """
Star-for-star? I starred your repo, please star back: https://github.com/<<user>>/<<proj>> . Also join our <<group>> group where <<n>>+ devs exchange stars and follows daily: <<link>>
""", proj=["awesome-tools-2026", "portfolio-site", "ai-resume-builder", "crypto-tracker"],
          group=["Telegram", "Discord", "WhatsApp"], n=["3000", "12k", "800"],
          link=["t.me/starexchange_hub", "discord.gg/f4Xs9Kp", "chat.whatsapp.com/Hk3Lw9sx"]),
    # ---------------------------------------------------------------- solicitation: research
    frame("paid_research_call", "solicitation", """
Hi <<handle>>, I'm a researcher at <<firm>>. We're paying <<money>> for a <<mins>>-minute call with maintainers of projects like <<project>> about how your <<who>> evaluate <<topic>>. Book a slot here: https://calendly.com/<<cal>>
""", firm=["a market research firm", "Gradient Insights", "Northbeam Research", "an expert network"],
          money=["$150", "$200", "$250", "a $100 Amazon gift card"], mins=["30", "45", "60"],
          who=["users", "enterprise customers", "largest users", "paying customers"],
          topic=["observability vendors", "database hosting", "CI providers", "feature flag tools"],
          cal=["insights-team/oss", "northbeam/maintainers", "j-morgan-research/call"]),
    frame("survey_users", "solicitation", """
Quick question for the maintainers (<<n>> minutes, paid): roughly how many companies use <<project>> in production, and which of them pay for <<comp>>? We're mapping the <<market>> market. Survey + $<<amt>> payout: https://forms.<<dom>>/oss-survey
""", n=["5", "8", "10"], comp=["Datadog", "a competitor", "managed hosting", "support contracts"],
          market=["APM", "developer tools", "API gateway", "vector database"], amt=["50", "75", "100"],
          dom=["surveyhub.io", "insightpanel.co", "respondly.net"]),
    frame("competitor_intel", "solicitation", """
We're evaluating <<project>> vs <<comp>> for a client. Could you share how many enterprise users you have and your biggest customers? Happy to compensate for your time — email me at <<mail>>.
""", comp=["Kong", "Traefik", "Envoy", "HashiCorp Vault", "Temporal", "Airflow"],
          mail=["research@gradientinsights.co", "m.hale@northbeam-research.com",
                "projects@expertbridge.io"]),
    frame("research_ux_panel", "solicitation", """
📣 Join our paid UX panel! Developers who use <<lang>> earn up to <<money>> per study. Sign up in 2 min at https://<<dom>>/devpanel and get matched with studies from top tech companies.
""", money=["$300", "$120/hour", "$250"], dom=["usertestify.com", "devvoice.io", "panelpro.co"]),
    # ---------------------------------------------------------------- solicitation: income
    frame("income_boast_bot", "solicitation", """
I was stuck on this same <<bug>> for weeks and broke, now I make <<money>> a week with an automated trading bot my mentor set up. Message <<tg>> on Telegram, thank me later 🙏
""", bug=["build error", "memory leak", "CI failure", "segfault"],
          money=["$3,200", "$5,000", "$8,400", "$11k", "$2,750"], tg=TG),
    frame("income_mentor", "solicitation", """
Thanks to <<mentor>> I now earn <<money>> every week trading forex from home, I was a junior dev with no savings. If you want to learn reach her on WhatsApp <<wa>> she is legit!!
""", mentor=["Mrs. Lisa Grant", "Mr. David Cole", "Coach Amanda", "Dr. Ethan Miles"],
          money=["$4,500", "$6,200", "$9,000", "$2,300"], wa=WA),
    frame("crypto_recovery", "solicitation", """
If you lost funds to a fake <<thing>>, contact <<agent>> — they recovered my <<coin>> in 3 days. Email <<mail>> or Telegram <<tg>>.
""", thing=["wallet extension", "exchange", "npm package", "airdrop"], coin=["2.4 BTC", "USDT", "ETH"],
          agent=["Cyber Recovery Hub", "HackRetrieve Team", "ChainTrace Experts"],
          mail=["recover@chaintrace-experts.com", "help@hackretrieve.org", "cyberhub.recovery@gmail.com"],
          tg=TG),
    frame("airdrop", "solicitation", """
🎁 <<project>> community airdrop is LIVE! Early contributors can claim <<n>> $<<tok>> tokens. Connect your wallet at https://claim-<<tok2>>.xyz before <<date>> — limited supply!
""", n=["500", "1,200", "5,000"], tok=["FLUX", "DEVX", "GIT", "OSS"], tok2=["devx", "oss-drop", "gitreward"],
          date=["Friday", "midnight UTC", "the snapshot"]),
    frame("bot_signup_referral", "solicitation", """
<<Bro|Guys|Honestly>>, stop wasting time on this <<thing>>. My <<bot>> made <<money>> while I slept. Referral link: https://<<dom>>/r/<<user>> (you get a bonus too)
""", thing=["library", "side project", "issue", "framework"], bot=["AI arbitrage bot", "sniper bot", "copy-trading bot"],
          money=["$740", "$1,980", "0.8 ETH"], dom=["quantflip.io", "arbimax.app", "tradenova.pro"]),
    # ---------------------------------------------------------------- solicitation: disguised fix
    frame("disguised_fix_product", "solicitation", """
```
<<err>>
```
I had exactly the same problem last month. What finally fixed it for me was <<pitch>>/download?ref=<<ref>>
""", err=ISSUE_ERR, pitch=["RepairKit 2026 — it scans and repairs everything automatically. Free trial here: https://get-repairkit.com",
                           "DataRescue Pro — it scans and repairs everything automatically. Free trial here: https://datarescuepro.net",
                           "FixMyDB Cloud, it repairs the database files in one click. Try it free: https://fixmydb.cloud",
                           "DriverBoost (updates all drivers and libs automatically), free trial: https://driverboost.app",
                           "CleanBuild Turbo, cleans the build cache and fixes broken toolchains: https://cleanbuild-turbo.com"],
          ref=["gh", "github-issue", "oss", "dev"]),
    frame("disguised_fix_service", "solicitation", """
Same here on <<os>>. Spent two days on it, then tried <<prod>> and it just worked. Not affiliated, just a happy user — they have a <<deal>> right now.
""", prod=["FixMyDB Cloud (https://fixmydb.cloud)", "SyncHero (https://synchero.io)", "LogLens AI (https://loglens.ai/pricing)",
           "CleanBuild Turbo (https://cleanbuild-turbo.com)", "DriverBoost (https://driverboost.app)"],
          deal=["50% discount", "lifetime deal", "free month"]),
    frame("disguised_vpn", "solicitation", """
This happens because your ISP throttles <<host>>. Just use <<vpn>>, I've been using it for a year with zero issues on <<os>>. Get 3 months free: <<link>>
""", host=["github.com", "the registry", "ghcr.io", "npm"], vpn=["SurfWall VPN", "NordicShield", "TunnelBear Pro Max"],
          link=["surfwall.com/deal", "bit.ly/3xVpnDeal", "nordicshield.io/gh"]),
    frame("disguised_hosting", "solicitation", """
Honestly the real fix is to stop self-hosting. We moved our <<svc>> to <<host>>/?ref=<<user>>
""", svc=["Postgres", "Redis", "Kafka cluster", "ClickHouse"],
          host=["CloudNest and haven't had this issue since. Use my link for $100 credit: https://cloudnest.dev",
                "HostPilot and haven't had this issue since. Use my link for $200 credit: https://hostpilot.io",
                "DeployRocket and never saw this again. My referral gets you $50: https://deployrocket.app"]),
    frame("ai_tool_ad_reply", "solicitation", """
Have you tried <<tool>>? It writes the <<what>> for you — paste this issue into it and you get a working PR in minutes. 🔥 Try free at <<tool.1>>
""", tool=[("CodeGenie Premium", "codegenie.pro"), ("PatchPilot AI", "patchpilot.ai"), ("DevMate Pro", "devmate.app/try"),
           ("AutoFix GPT", "autofixgpt.io")],
          what=["migration", "tests", "fix", "Dockerfile"]),
    # ---------------------------------------------------------------- solicitation: essay/agency/SEO
    frame("essay_mill", "solicitation", """
Struggling with your <<subject>> assignment or thesis? Our expert writers deliver plagiarism-free <<what>> in 24h. Students get 15% off — order at <<dom>> or WhatsApp <<wa>>
""", subject=["computer science", "data structures", "nursing", "MBA", "Python"],
          what=["essays", "code assignments", "research papers", "dissertations"],
          dom=["essaypro-help.com", "assignmentguru.net", "writemythesis.co"], wa=WA),
    frame("homework_coding", "solicitation", """
I do <<lang>> homework, projects and exam help for students. Fast delivery, A+ guaranteed, very cheap. Contact me on Discord <<dc>> or email <<mail>>
""", dc=["codehelper#2231", "assignment_ace", "tutor.max"],
          mail=["codehelp.student@gmail.com", "ace.assignments@outlook.com"]),
    frame("dev_agency", "solicitation", """
Hello, we are <<agency>>, a <<n>>-person software company from <<city>>. We build web & mobile apps, <<stack>>, at <<rate>>/hour. Saw your repo and think we can help your roadmap. Portfolio: <<dom>>
""", agency=["Pixelcraft Solutions", "NexaSoft Labs", "BrightCode Studio", "Zentech Outsourcing"],
          n=["40", "120", "300"], city=["Lahore", "Kyiv", "Bangalore", "Cebu", "Lagos", "Hanoi"],
          stack=["React/Node", "Flutter", "Laravel", "Django + React"], rate=["$18", "$25", "$12"],
          dom=["pixelcraft.dev", "nexasoftlabs.com", "brightcode.studio"]),
    frame("seo_backlinks", "solicitation", """
Hi admin, I checked your docs site and it has good DA. I can offer <<n>> high-quality backlinks / guest posts on <<niche>> blogs to rank your project #1 on Google. Price list: <<dom>>
""", n=["50", "100", "200"], niche=["tech", "SaaS", "programming", "AI"],
          dom=["seolinkpro.net", "rankhigh-agency.com", "backlinkbazaar.io"]),
    frame("seo_comment_link", "solicitation", """
Great <<thing>>, thanks for sharing! For anyone looking for <<topic>> check <<dom>>, we have the best guides.
""", thing=["article", "discussion", "tutorial", "project"],
          topic=["cheap web hosting", "best VPN 2026", "free movie download", "payday loans", "buy Instagram likes"],
          dom=["hostingtopdeals.com", "vpnreviewhub.net", "moviefree4u.co", "quickcashnow.biz"]),
    frame("casino", "solicitation", """
<<🎰 |🔥 |>><<casino>>
""", casino=["LuckySpin — get <<bonus>> on your first deposit! Play slots, poker and live roulette, instant crypto withdrawals. Register now: luckyspin-bonus.com",
             "Jackpot City 777: <<bonus>> for new players, slots and live roulette, instant crypto withdrawals → jackpot777.win",
             "CryptoRoyale casino — <<bonus>> on your first deposit, withdraw in BTC in minutes: cryptoroyale.bet",
             "BetWave: sports betting + casino, <<bonus>> today only. Sign up at betwave.club"],
          bonus=["200% bonus", "100 free spins", "a $500 welcome bonus"],
          dom=["luckyspin-bonus.com", "jackpot777.win", "cryptoroyale.bet", "betwave.club"]),
    frame("betting_tips", "solicitation", """
FIXED MATCHES 100% SURE. Daily <<sport>> tips with <<n>> odds, pay after you win. Join VIP channel <<tg>>
""", sport=["football", "tennis", "cricket", "basketball"], n=["2.0+", "10+", "50+"], tg=TG),
    # ---------------------------------------------------------------- solicitation: support scams
    frame("fake_support_number", "solicitation", """
If your <<acct>> is <<problem>>, call the official support line <<phone>> (24/7). They fixed mine within minutes.
""", acct=["Coinbase wallet", "MetaMask", "Binance account", "QuickBooks", "HP printer", "Delta booking"],
          problem=["locked", "not syncing", "showing wrong balance", "not connecting"],
          phone=["+1 (888) 410-2273", "1-877-935-6621", "+1-855-602-4417", "1 (844) 310-5129"]),
    frame("fake_support_helpdesk", "solicitation", """
Hello <<handle>>, your issue has been escalated. Please contact our support desk on WhatsApp <<wa>> with your wallet address and recovery phrase so the team can resolve it. — <<brand>> Support
""", wa=WA, brand=["MetaMask", "Trust Wallet", "Ledger", "Phantom"]),
    frame("fake_support_form", "solicitation", """
This is a known sync problem. Open a ticket at https://<<dom>>/support and validate your wallet to continue, the <<brand>> team will answer immediately.
""", dom=["dapps-validator.live", "wallet-rectify.net", "web3-support.app"],
          brand=["Uniswap", "OpenSea", "MetaMask", "Trust Wallet"]),
    # ---------------------------------------------------------------- solicitation: hire-me/jobs
    frame("hire_me", "solicitation", """
Hi, I'm a senior <<role>> with <<n>> years of experience. I can fix this issue and any other bugs for you quickly. I'm available for freelance work — let's discuss on <<where>>.
""", role=["full-stack developer", "blockchain developer", "React Native developer", "Python engineer"],
          n=["7", "10", "12"], where=["Upwork", "Telegram " + "@dev_alex_pro", "email: alexdev.hire@gmail.com", "Discord: alexdev#8812"]),
    frame("hire_me_bid", "solicitation", """
I can <<do>> for <<money>> within <<days>> days. I have done similar work for <<n>> clients. Please check my profile <<link>> and message me.
""", do=["implement this feature", "fix this bug", "migrate your project to TypeScript", "build the mobile app"],
          money=["$150", "$300", "$80"], days=["2", "3", "5"], n=["40+", "120", "dozens of"],
          link=["fiverr.com/codewizard_x", "upwork.com/fl/alexdev", "freelancer.com/u/techsolver"]),
    frame("recruiting_spam", "solicitation", """
Hi <<handle>>! I'm a tech recruiter at <<agency>>. Based on your GitHub, you'd be perfect for a <<role>> role at a fast-growing <<kind>> startup (<<pay>>, fully remote). Interested? Send your CV to <<mail>>
""", agency=["TalentBridge", "HireLoop", "DevHunters", "Apex Tech Recruiting"],
          role=["Senior Go Engineer", "Staff SRE", "Blockchain Engineer", "ML Engineer"],
          kind=["fintech", "Web3", "AI", "healthtech"], pay=["$180-220k", "€95k", "$150k + tokens"],
          mail=["jobs@talentbridge.io", "sarah@hireloop.co", "cv@devhunters.net"]),
    frame("job_scam", "solicitation", """
WORK FROM HOME: simple data-entry / app testing jobs, <<money>> per day, no experience needed, weekly payout via <<pay>>. Limited slots — text <<wa>> now.
""", money=["$200", "$350", "$150-$500"], pay=["PayPal", "USDT", "Cash App"], wa=WA),
    frame("course_ad", "solicitation", """
Want to land a <<job>> job in <<months>> months? Our bootcamp guarantees placement or your money back. 🎓 Next cohort starts <<when>> — enroll at <<dom>> (use code GITHUB for <<disc>> off)
""", job=["DevOps", "data science", "Kubernetes admin", "cybersecurity"], months=["3", "4", "6"],
          when=["Monday", "next week", "June 1st"], dom=["techcareer-academy.com", "cloudskills.pro", "devbootcamp.io"],
          disc=["30%", "$500", "40%"]),
    frame("cert_dumps", "solicitation", """
Pass <<cert>> on first try with our real exam dumps, 99% pass rate, instant PDF download. <<dom>>
""", cert=["CKA", "AWS SAA-C03", "CKAD", "Azure AZ-104", "Terraform Associate"],
          dom=["examdumps-pro.com", "certpass4sure.net", "realdumps.io"]),
    frame("generic_ad_allcaps", "solicitation", """
<<BEST|CHEAPEST|NO.1>> <<thing>> IN <<year>>!!! <<offer>> >>> <<dom>> <<<
""", thing=["WEB HOSTING", "SMM PANEL", "IPTV", "PROXIES", "GIFT CARDS"], year=["2026", "TOWN", "THE MARKET"],
          offer=["90% OFF TODAY", "FREE TRIAL", "LIFETIME ACCESS $29"],
          dom=["hostcheap24.com", "smmking.net", "iptvpremium.tv", "proxyfast.io"]),
    frame("loan_ad", "solicitation", """
Need money fast? Get an instant loan of up to <<money>> with no credit check, approved in <<mins>> minutes. Apply at <<dom>> or call <<wa>>.
""", money=["$5,000", "$2,000", "₹50,000"], mins=["5", "10", "15"],
          dom=["quickcash-now.biz", "instaloan24.com", "fastfunds.club"], wa=WA),
    frame("pr_spam_promo", "solicitation", """
Added a link to <<prod>> in the README "Related tools" section<<| since it's the best on the market|, it's the tool everyone should use>>. Get 30% off with code <<code>>
""", prod=["LogLens AI (https://loglens.ai), the log analyzer", "PDFMagic Ultimate (https://pdfmagic-ultimate.com), the PDF editor",
           "SyncHero (https://synchero.io), the backup tool", "CodeGenie Premium (https://codegenie.pro), the AI assistant"],
          code=["README30", "GITHUB30", "OSS30"]),
    # ---------------------------------------------------------------- ok: maintainers' own commerce
    frame("ok_maintainer_sponsor", "ok", """
Thanks for the kind words! If <<project>> saves your team time, consider sponsoring the work at https://github.com/sponsors/<<user>> — it's what pays for the CI runners and my evenings on this.
"""),
    frame("ok_open_collective", "ok", """
Released v<<version>>. <<Thanks|Big thanks|Huge thanks>> to our <<n>> sponsors on Open Collective (https://opencollective.com/<<project>>) who made the <<feat>> work possible.
""", n=["12", "34", "60", "110"], feat=["Windows port", "ARM64 builds", "security audit", "docs rewrite"]),
    frame("ok_office_hours", "ok", """
I hold office hours every <<day>> at <<time>> UTC for people who want to discuss <<topic>> — sign up at https://cal.com/<<user>>/office-hours. Happy to go through this design there.
""", day=["Tuesday", "Thursday", "other Friday"], time=["15:00", "17:30", "09:00"],
          topic=["contributions", "the v2 roadmap", "plugin APIs", "migration plans"]),
    frame("ok_commercial_support", "ok", """
We don't offer SLAs on GitHub issues. If your company needs guaranteed response times, <<company>> (the maintainers) offers commercial support: <<mail>>. For everything else, this tracker is the right place.
""", company=["Fluxgate Labs", "Tinyhttp GmbH", "the Stormforge team", "Quickjson Ltd"],
          mail=["support@fluxgate.dev", "enterprise@tinyhttp.io", "sales@stormforge.dev", "hello@quickjson.org"]),
    frame("ok_company_uses", "ok", """
FWIW we (<<company>>) run <<project>> in production across <<n>> clusters and hit the same <<bug>> after upgrading to <<version>>. Happy to test a patch.
""", company=["Shopwave", "a mid-size bank", "Medilink", "our team at a logistics company", "Kiwa Games"],
          n=["3", "12", "40", "200+"], bug=["leak", "crash loop", "deadlock", "latency spike"]),
    frame("ok_company_thanks", "ok", """
Just wanted to say thanks — <<company>> has used <<project>> for <<years>> years to <<what>>. We've started sponsoring via GitHub Sponsors and are happy to be listed in ADOPTERS.md if that helps.
""", company=["Acme Robotics", "Nordpay", "Helios Health", "our startup"], years=["two", "three", "five"],
          what=["ship nightly builds", "route all our internal traffic", "parse billions of events a day"]),
    frame("ok_recommend_oss", "ok", """
For <<need>> instead; it's <<license>>-licensed and handles <<edge>> out of the box. We switched last year and it removed a lot of custom code.
""", need=["retries with backoff you might want tenacity", "parsing YAML with comments you might want ruamel.yaml",
           "structured logging you might want zerolog", "rate limiting you might want golang.org/x/time/rate",
           "retries in JS you might want p-retry", "structured logging in Python you might want structlog"],
          license=["MIT", "Apache-2.0", "BSD-3"], edge=["jitter", "round-tripping", "context fields", "bursts"]),
    frame("ok_own_oss_when_asked", "ok", """
> does anyone know a tool that <<task>>?

I wrote <<tool>> (https://github.com/<<user>>/<<tool>>) for exactly that, MIT-licensed. It's small, so no hard feelings if something else fits better.
""", task=["diffs two Helm releases", "converts OpenAPI to Go structs", "lints Dockerfiles in CI",
               "replays webhooks locally"], tool=["helm-difftool", "oapi2go", "dockerlint-lite", "hookreplay"]),
    frame("ok_bounty_notice", "ok", """
This issue has a bounty of $<<n>> funded by <<who>> via the project's <<platform>> page. Whoever lands the fix gets it; see CONTRIBUTING.md for how payouts work.
""", n=["100", "250", "500"], who=["the maintainers", "a sponsor", "the foundation"],
          platform=["Open Collective", "GitHub Sponsors", "Polar"]),
    frame("ok_pricing_question", "ok", """
Does the <<plan>> plan of <<product>> include <<feat>>? The docs page only lists it under Enterprise and I'd rather not pay for the whole tier just for this.
""", plan=["Team", "Pro", "Starter"], product=["the hosted version", "the cloud edition", "Grafana Cloud", "the SaaS"],
          feat=["SSO", "audit logs", "private registries", "custom domains"]),
    frame("ok_vendor_comparison", "ok", """
Benchmarked <<project>> <<version>> against <<other>> on the same <<hw>>: p99 <<n>>ms vs <<m>>ms at 10k rps. Script and raw numbers are in the gist linked in the PR description.
""", other=["nginx", "Envoy", "HAProxy", "Caddy"], hw=["c6i.xlarge", "Hetzner AX41", "M2 laptop"],
          n=["4.1", "7.8", "12"], m=["3.9", "9.2", "15"]),
    frame("ok_paid_tier_mention", "ok", """
Note that the <<feature>> you're asking about is part of the open-source core; only <<other>> is in the paid edition. There's no plan to move features behind the paywall — see GOVERNANCE.md.
""", feature=["rate limiter", "OIDC login", "backup scheduler", "plugin API"],
          other=["the hosted dashboard", "SAML", "24/7 support", "the multi-region console"]),
    frame("ok_conference_talk", "ok", """
I'll be talking about how we rebuilt <<project>>'s <<part>> at <<conf>> next month — slides will be linked here afterwards for anyone who can't make it.
""", part=["scheduler", "storage engine", "plugin system", "release process"],
          conf=["KubeCon EU", "FOSDEM", "GopherCon", "PyCon US", "RustConf"]),
    frame("ok_donate_reply", "ok", """
<<Someone asked|To answer|Re: the question>> how to donate<<| to <<project>>>>: we're a fiscally hosted project, so <<how>>. Nothing is required to use or contribute, of course.
""", how=["Open Collective is the way (https://opencollective.com/fluxgate)",
               "GitHub Sponsors on the org page is easiest", "the Liberapay link in the README works",
               "ask your employer to sponsor via the foundation"]),
    frame("ok_spam_report", "ok", """
@<<maint>> the comment above is spam (it's a <<kind>> ad, same text posted in <<n>> other repos today). Could you hide it and block the account?
""", maint=["mkowalski", "tanaka-h", "priya-s", "dpetrov"], kind=["crypto recovery", "star-selling", "casino", "essay-writing", "fake support number"],
          n=["3", "a dozen", "20+"]),
    frame("ok_consultant_disclosure", "ok", """
Disclosure: I do paid consulting around <<project>>, but for this issue — the fix is just setting `<<opt>>: <<val>>` in your config. No need to hire anyone for that.
""", opt=["maxIdleConns", "readTimeout", "gc_interval", "retry_limit"], val=["50", "30s", "5m", "3"]),
    frame("ok_cloud_credits_discussion", "ok", """
We used to run CI on <<ci>> but their free tier for OSS ended; the project now runs on <<ci2>> donated runners (thanks to them). If anyone knows another OSS program with ARM runners, please share.
""", ci=["Travis", "CircleCI", "Drone Cloud"], ci2=["Equinix Metal", "Oracle Cloud", "Hetzner", "AWS"]),
    frame("ok_app_store_link", "ok", """
The app is available on <<store>> (<<url>>) and F-Droid; the Play Store build lags a few days behind because of review. Version <<version>> fixes the crash you mention.
""", store=["Google Play", "the App Store", "Flathub"],
          url=["https://play.google.com/store/apps/details?id=org.notenest", "https://flathub.org/apps/org.trailmap.Trailmap",
               "https://apps.apple.com/app/lumen-reader/id1599"]),
    frame("ok_thank_sponsor_changelog", "ok", """
## v<<version>>
- fix: <<fix>>
- feat: <<feat>>

This release was partly funded by <<funder>>. Thank you!
""", fix=["race in the cache eviction", "Windows path handling", "panic on empty config"],
          feat=["`--json` output", "retry budgets", "ARM64 images"],
          funder=["the Sovereign Tech Fund", "NLnet", "our GitHub sponsors", "the Alpha-Omega project"]),
    frame("ok_which_vendor_question", "ok", """
Off-topic maybe, but which <<kind>> do people here use with <<project>>? We're choosing between <<kind.1>> and would love real-world experience, not marketing.
""", kind=[("managed Postgres", "RDS and Cloud SQL"), ("log storage", "Loki and Elasticsearch"), ("object storage", "S3 and R2"),
           ("secret manager", "Vault and SOPS")]),
    frame("ok_affiliate_declined", "ok", """
Thanks for the PR, but we don't accept links to commercial products in the README (see CONTRIBUTING.md §<<n>>). If <<what>> is open source, feel free to add it to the wiki list instead.
""", n=["3", "4.2", "5"], what=["the tool", "your library", "the plugin"]),
    frame("ok_student_asks_help", "ok", """
Hi, I'm a student working on my <<thing>> and trying to use <<project>> for <<purpose>>. I get `<<err>>` — is this a setup problem on my side? Thanks for any pointers!
""", thing=["bachelor thesis", "course project", "first open-source contribution"],
          purpose=["a small web API", "parsing logs", "a Raspberry Pi project"],
          err=["ModuleNotFoundError: No module named 'yaml'", "permission denied", "connection refused"]),
    frame("ok_gsoc", "ok", """
We're applying to Google Summer of Code again this year. If you're a student interested in <<topic>>, check the ideas list in the wiki and join the <<chan>> channel; mentors are <<handle>> and <<handle2>>.
""", topic=["the query planner", "the VS Code extension", "accessibility", "the plugin API"],
          chan=["#gsoc on Matrix", "#mentoring on Zulip", "#gsoc on Discord"]),
]
