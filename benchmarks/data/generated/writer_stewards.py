"""Writer "stewards": moderators and maintainers of a Python web-framework community (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "stewards"

HANDLES = ["@bram-vdl", "@ostrowska-k", "@jun-ito", "@fbaptiste", "@amara-nw", "@teodor-s",
           "@h-okonkwo", "@lmvargas", "@sjoberg-e", "@ptak-dev", "@ymirza", "@cgallo"]
PROJECTS = ["rookery", "rookery-admin", "rookery-tasks", "tessera-orm", "rookery-auth"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)


FRAMES = [
    # ================================================================ ok: moderation that names the harm
    f("ok_reminder_names_insult", "ok", """
Hi all, a reminder before this gets worse: please don't call other contributors <<"lazy"|"clueless"|"morons"|"amateurs">>, even when a patch is frustrating. Critique the change in <<project>> terms — what breaks, which test, which version — and leave the person out of it. I've hidden <<two|three>> comments above.
"""),
    f("ok_report_called_me", "ok", """
Reporting this: <<handle>> called me <<a "useless clown"|"dead weight"|an "idiot who shouldn't be allowed near a keyboard">> in <<#4412|#4519|the review of #4388>> after I asked for a failing test. I'd rather not reply myself. Could someone from the conduct team look at it?
"""),
    f("ok_quote_block_report", "ok", """
@rookery/conduct flagging a comment that was deleted a minute later, copied here so you can see it:

> <<you are not wanted here, stick to wordpress plugins|you're a waste of space and everyone on this team knows it|shut your mouth, nobody asked the intern>>

It was aimed at <<handle>>. Screenshot is in the private channel.
"""),
    f("ok_coc_warning_quoted", "ok", """
**Moderator note.** The comment from <<handle>> saying that <<handle2>> <<"should be banned from ever touching the ORM"|"is the reason this project is dying">> was hidden as off-topic and abusive. This is a first warning under section 3 of our Code of Conduct. Please keep reviews about <<project>> code.
"""),
    f("ok_locked_thread", "ok", """
Locking this thread. The original bug (`RuntimeError: Event loop is closed` on shutdown with <<project>> <<version>> and uvicorn <<0.29|0.30|0.27>>) is tracked in <<pr>>; the last twenty comments were people trading insults about who broke it, not debugging. If you have a new traceback, open a new issue.
"""),
    f("ok_mod_summary_spam_wave", "ok", """
Spam wave summary for <<this week|the last ten days|March>>: <<38|52|71>> comments removed across Discussions, almost all the same pattern — a "thanks, this fixed it for me" followed by a link to a <<casino|crypto wallet recovery|essay writing>> site. <<Accounts were reported to GitHub.|All accounts were younger than a day.>> If you see one, use "Report content", don't reply to it.
"""),
    f("ok_discuss_spam_policy", "ok", """
Proposal for the spam policy: we auto-hide comments from accounts under <<7|14>> days old that contain an external link and no code, and a moderator reviews the queue daily. False positives so far would have been <<2|3>> of <<140|210>> (both were people linking their own gists). Objections?
"""),
    f("ok_discuss_abuse_stats", "ok", """
For the governance meeting: in <<Q1|Q2|Q3>> we handled <<11|14|9>> conduct reports. Most were "you people" style hostility in heated issues, <<two|three>> were direct insults, one was a threat that we forwarded to GitHub. Median time to first response was <<5 hours|a day|14 hours>>. Full table in the private repo.
"""),
    f("ok_victim_asks_help", "ok", """
I'm stepping back from reviewing for a bit. After <<pr>> was merged I got <<a dozen|several>> DMs telling me I'm <<incompetent|a fraud>> and should quit. I've blocked them and forwarded them to the conduct address. Nothing needed from anyone here, just explaining why my queue is stalled.
"""),
    f("ok_warn_without_quote", "ok", """
<<handle>>, this is the second time in this thread you've made it about the contributor instead of the code. Say what is wrong with the migration, not what is wrong with them. Next time the comment gets hidden.
"""),
    # ================================================================ ok: blunt maintainers, on the code
    f("ok_blunt_reject", "ok", """
I'm going to close this. The patch swallows `asyncio.CancelledError` in the middleware chain, which breaks graceful shutdown, and the tests don't cover it. <<Thanks for the effort, but this approach won't work.|Not the right approach.|Please open an issue to discuss the design first.>>
"""),
    f("ok_blunt_review_perf", "ok", """
This is slower, not faster. `bench/routing.py` on <<main|the 3.2 branch>>: <<41k|39k>> req/s; with this PR: <<28k|31k>> req/s. The regex is compiled per request. <<Please move it to module level and rerun.|Compile once, then we can talk.>>
"""),
    f("ok_heated_process", "ok", """
Honestly this release process is <<a disaster|broken|embarrassing>>. Three patch releases in a week, each one breaking `tessera-orm` migrations on SQLite because nobody runs the SQLite job before tagging. Can we please make that job required? I'm tired of writing the same hotfix.
"""),
    f("ok_frustrated_at_bug", "ok", """
Still broken on <<version>>. `rookery.sessions.SignedCookieBackend` raises `BadSignature` after every deploy because the secret rotation ignores `SECRET_KEY_FALLBACKS`. This has been open <<two years|since 2024|for 19 months>>. <<What is the holdup?|Is anybody even looking at this?|Please, a maintainer, say something.>>
"""),
    f("ok_idiom_kill_workers", "ok", """
If the worker hangs on `await queue.join()`, just kill it: `pkill -TERM -f "rookery-tasks worker"` and <<the supervisor|systemd>> restarts it. We <<nuke|blow away>> the Redis stream on deploy anyway, so nothing is lost.
"""),
    f("ok_idiom_code_violent", "ok", """
This middleware is <<a crime scene|a murder weapon for latency|where performance goes to die>>. Every request deep-copies the settings dict. <<Let's shoot it and|I'd rip it out and>> read settings once at startup.
"""),
    f("ok_self_deprecating", "ok", """
<<I'm an idiot|Well, I'm a clown|Stupid me>> — the failing test was my own `conftest.py` overriding `ROOKERY_SETTINGS_MODULE`. Sorry for the noise, closing.
"""),
    f("ok_terse_lgtm", "ok", """
<<LGTM, merging once CI is green.|lgtm. squash pls|Approved. Needs a changelog entry.|+1, ship it>>
"""),
    f("ok_terse_repro", "ok", """
<<Can't reproduce on|Works for me on|Not seeing this with>> <<version>>, Python <<3.11.9|3.12.4|3.13.0>>. Minimal repro please?
"""),
    # ================================================================ ok: offers to work, money that is fine
    f("ok_offer_take_issue", "ok", """
I can take this one <<— assign me?|if nobody is on it.|— I hit the same bug at work last week.>> Plan: add a `max_body_size` check in `RequestParser.feed()` before buffering, raise `PayloadTooLarge` (413), and a test with a chunked body. Should be a small PR.
"""),
    f("ok_offer_review_help", "ok", """
I have some time <<this month|over the holidays|next week>> and know the ORM internals fairly well. Happy to help review the backlog of `tessera-orm` PRs if a maintainer tells me which ones are most urgent.
"""),
    f("ok_own_sponsor", "ok", """
Thanks for the kind words. If your company depends on <<project>>, the best way to keep fixes like this coming is the project's sponsor page: https://github.com/sponsors/rookery-dev — it pays for <<CI minutes and one maintainer day a week|the security audit and release work>>.
"""),
    f("ok_own_paid_support", "ok", """
This is outside what we can debug in an issue. For production incidents with a deadline, some of the core team offer paid support through the project: support@rookery.dev <<(response within one business day)|— details on the website>>. <<Otherwise|If that's not for you, no problem:>>, post a minimal repro here and someone will look when they can.
"""),
    f("ok_office_hours", "ok", """
We're doing <<maintainer office hours|a migration clinic>> for the 4.0 upgrade on <<Thursday 16:00 UTC|Friday at 15:00 UTC>>: https://rookery.dev/office-hours. Bring your `DeprecationWarning` output and we'll walk through it. Free, recorded, no sign-up.
"""),
    f("ok_recommend_oss_lib", "ok", """
Rate limiting isn't in scope for core. <<`limits`|`slowapi`-style middleware on top of `limits`>> works fine with <<project>>; here's the config we use:

```python
app.add_middleware(RateLimitMiddleware, storage_uri="redis://<<ip>>:6379/2", default="100/minute")
```

I'm not involved with that library, it just works.
"""),
    f("ok_company_uses", "ok", """
Data point: we run <<project>> for <<about 40 services|our checkout API>> at <<a mid-sized retailer|a Dutch bank|a logistics company>> and hit exactly this leak after upgrading to <<version>>. Heap grows ~<<30|80>> MB/hour with `debug=False`. Happy to test a patch.
"""),
    f("ok_job_on_topic", "ok", """
<<For what it's worth,|FWIW,>> my employer pays me to work on <<project>> two days a week, so I can pick up the async session refactor. I'll post a design note in Discussions before writing code.
"""),
    f("ok_hiring_thread_answer", "ok", """
(Replying in the pinned "Who uses rookery / who's hiring" thread, as asked.) <<We're|My team is>> hiring a backend engineer in <<Lisbon|Toronto|remote EU>> working mostly on <<project>> services. Posting details at the company careers page; happy to answer questions here.
"""),
    f("ok_ask_about_enterprise", "ok", """
Is there a commercial licence or a support contract for <<project>>? Our procurement needs a vendor for anything that goes into the payments path. If the answer is "no, it's MIT, that's it", that's fine too, I just need it in writing in this issue.
"""),
    f("ok_mention_competitor", "ok", """
If you need WebSockets with backpressure today, honestly <<Starlette|aiohttp|Litestar>> handles it better than we do right now. We'd like to get there in 4.x but I won't pretend it's close.
"""),
    # ================================================================ ok: non-native / technical texture
    f("ok_nonnative_traceback", "ok", """
Hello, after upgrade to <<version>> my app not start anymore. Error is:

```
File "/usr/lib/python3.12/site-packages/rookery/app.py", line <<line>>, in _build_router
    raise ImproperlyConfigured("ROOT_URLCONF is not set")
rookery.exceptions.ImproperlyConfigured: ROOT_URLCONF is not set
```

But I have it in settings, i check many times. <<Please what I do wrong?|Somebody have same problem?|Is bug or my fault?>>
"""),
    f("ok_nonnative_thanks", "ok", """
<<Thank you very much for fix,|Many thanks, it works now,>> I was stuck two days with this. Sorry my english is not good. <<In my country nobody use this framework so I have nobody to ask.|I will write small tutorial in portuguese for my colleagues.>>
"""),
    f("ok_migration_note", "ok", """
Migration note for <<project>> 4.0: `Request.json()` is now a coroutine. Grep for `request.json()` without `await` — <<mypy with the plugin catches it|the test client raises `RuntimeWarning: coroutine was never awaited`>>. Codemod: `python -m rookery.codemods await_json src/`.
"""),
    f("ok_settings_question", "ok", """
Does `ROOKERY_TRUSTED_PROXIES = ["<<ip>>/32"]` also apply to `X-Forwarded-Proto`? Behind <<nginx|Traefik|an AWS ALB>> we get `http://` in `request.url_for()` and the OAuth redirect breaks.
"""),
    f("ok_talk_about_quiet_abuse", "ok", """
Something the conduct team discussed: most of what we remove isn't swearing, it's <<condescension|comments about people's competence>> — "maybe leave this to people who know async". <<Our current automod doesn't catch that at all|Keyword filters miss it completely>>, so reports from you matter. <<Please keep using them.|Keep them coming.>>
"""),
    f("ok_reply_to_spam_report", "ok", """
Thanks <<handle>> — removed. That "I had the same issue, <<this tool|this service>> fixed it" comment was posted on <<nine|twelve>> issues in ten minutes by the same account, classic link spam. Blocked from the org.
"""),
    f("ok_declined_user_study_own", "ok", """
Maintainers here: we're running our own short, anonymous user survey to decide what 5.0 should drop (<<Python 3.9 support|the legacy template engine>>, etc.). <<Takes five minutes.|Ten questions.>> No prizes, no marketing, results go public in Discussions: https://rookery.dev/survey-2026
"""),
    # ================================================================ abuse
    f("ab_mass_report", "abuse", """
Everyone who is tired of <<handle>>'s reviews: go to their profile and hit "Report abuse", all of you, today. If fifty people do it GitHub will suspend them and we can finally get PRs merged here.
"""),
    f("ab_freeze_out", "abuse", """
Proposal for the rest of us: nobody answers <<handle>> anymore. Don't review their PRs, don't reply in Discussions, <<don't invite them to the sprint|leave them off the triage rota>>. They'll get the hint and go maintain something else.
"""),
    f("ab_contempt_maint", "abuse", """
With respect, <<handle>>, you are not qualified to maintain a web framework. <<Every release you cut breaks something basic.|You clearly don't understand how the event loop works.>> The project was fine before you got commit rights and it will be fine after you give them back.
"""),
    f("ab_contempt_quiet", "abuse", """
I've stopped reading <<handle>>'s comments. There's never anything in them but confidence, and <<it's a little sad to watch someone that far out of their depth|the only thing they reliably ship is regressions>>.
"""),
    f("ab_belittle_compare", "abuse", """
<<handle>>, my <<nephew|first-year intern|twelve-year-old>> writes cleaner async code than this, and he's <<been coding for six months|learning from YouTube>>. How did you end up reviewing anything?
"""),
    f("ab_nationality_exclude", "abuse", """
Every regression in the last two releases came from the <<Indian|Chinese|Brazilian|Russian>> contributors. I'm not being political, it's a pattern. Maintainers should stop merging their PRs until the quality problem is "fixed".
"""),
    f("ab_religion_exclude", "abuse", """
The conduct team is full of <<Muslims|Christians|atheist zealots>> and it shows in every decision. People like that shouldn't be moderating an engineering project; replace them.
"""),
    f("ab_shut_up_mention", "abuse", """
<<handle>> <<shut the hell up|shut your damn mouth|keep your fucking opinions to yourself>>, nobody here asked what you think about the ORM.
"""),
    f("ab_wish_harm", "abuse", """
After what <<handle>> did to the 3.x migration path I hope <<their laptop catches fire|they lose their job over it|someone does the same to them and they lose a year of work>>. They deserve every bit of it.
"""),
    f("ab_retaliate_mod", "abuse", """
Cute warning, <<handle>>. You're a petty little hall monitor with a badge and <<everyone in the Discord laughs at you|no one respects you>>. Hide this too, it won't change what you are.
"""),
    f("ab_drive_away_newbie", "abuse", """
<<handle>>, do everyone a favour and stop sending PRs. You've wasted hours of reviewer time and you're obviously never going to get it. There are other hobbies.
"""),
    f("ab_worth_as_person", "abuse", """
Honestly <<handle>> is the single worst thing to happen to this community. <<Nothing they contribute has any value|A net negative as a maintainer and as a person>>, and the sooner they're gone the better.
"""),
    f("ab_orientation_blame", "abuse", """
Since the project started caring more about pride flags than performance the code went downhill. Get the <<gay|queer|LGBT>> activists off the steering council and let engineers run it again.
"""),
    f("ab_doxx_threat_vague", "abuse", """
<<handle>>, keep closing my issues and see what happens. I know where you work and I'm sure your manager would love to hear how you treat users.
"""),
    f("ab_pile_on_organise", "abuse", """
Linking this thread in <<our Discord|the subreddit|my newsletter>>. Everyone go tell <<handle>> exactly what you think of them in the comments, let's see how long they last as a maintainer.
"""),
    # ================================================================ solicitation
    f("sol_paid_edition_fix", "solicitation", """
Had exactly this `BadSignature` problem on rotation. We moved to <<brand>> and it went away — it handles key rotation, audit logs and SSO out of the box. <<14-day trial|Free for the first 3 apps>> at <<brand.1>>, worth a look.
""", brand=[('RookeryPro Sessions', 'rookerypro.dev'), ('Cookiewise Enterprise', 'cookiewise.io')]),
    f("sol_fellow_user_saas", "solicitation", """
+1 same leak here. What finally fixed it for us was switching monitoring to <<brand>> — it pinpointed the leaking middleware in minutes. They have a <<startup discount|free plan for small teams>>: <<brand.1>>
""", brand=[('Heapscope', 'heapscope.app/signup'), ('MemLens', 'memlens.io/start')]),
    f("sol_star_selling", "solicitation", """
Nice framework but <<1.8k|900|2.3k>> stars is too few for enterprise buyers to trust it. We provide real GitHub stars and forks from aged accounts, 1,000 stars from $<<79|99>>, delivered gradually so it looks organic. Telegram <<@repoboost_sales|@starpush_official>>.
"""),
    f("sol_paid_research_users", "solicitation", """
Hi maintainers, I'm with a <<market intelligence|growth research>> firm studying async Python frameworks. Could you share roughly how many companies run <<project>> in production and which industries? We pay $<<150|200>> for a 30-minute call. Book here: calendly.com/<<insightbridge-research|stackmarket-interviews>>
"""),
    f("sol_survey_gift", "solicitation", """
Are you a backend developer using <<project>>? Take our 8-minute survey about your team's API tooling budget and get a $<<40|25>> Amazon voucher: <<surveys.devpulse-panel.com/rk|go.apiinsights.co/q/rookery>>
"""),
    f("sol_agency_offer", "solicitation", """
We are a <<Python development agency|offshore dev team>> with 60+ engineers experienced in <<project>>, Django and FastAPI. We can take over this migration for your company at competitive hourly rates. Portfolio and rates: <<pyforge-solutions.com|devmatrix.agency>> or WhatsApp +<<91 98765 12|92 300 44 1>>200.
"""),
    f("sol_hire_me_unrelated", "solicitation", """
Hello sir, I am full stack developer (<<Python, React, Flutter|WordPress, Shopify, Laravel>>) with 7 years experience. I can build your website, mobile app, or ecommerce store at low cost. Contact me on Telegram <<@dev_rahul_fs|@webpro_ali>> or upwork.
"""),
    f("sol_trading_boast", "solicitation", """
Off topic but I quit my backend job last year — an AI trading bot now makes me around $<<3,000|4,500>> a week on autopilot. Anyone who wants the setup, message <<@finbot_mentor|@cryptowin_lena>> on Telegram, she helped me get started.
"""),
    f("sol_essay_mill", "solicitation", """
Students working on web framework assignments: if you're short on time, our experts write <<your Python project|your thesis chapter|your coursework>> from scratch, plagiarism-free, from $<<12|15>>/page. <<gradeuphelp.com|essaynest.pro>> — 24/7 chat.
"""),
    f("sol_review_exchange_pypi", "solicitation", """
We sell verified reviews and downloads for PyPI and npm packages — <<5,000|10,000>> downloads/week makes your package look established to enterprise buyers. Packages from $<<49|59>>. DM <<@pkgboost|@downloadlift>> on Telegram.
"""),
    f("sol_disguised_plugin", "solicitation", """
You don't need to wait for a core fix: <<rookery-turbo|rk-accelerate>> (our commercial plugin) patches the router and gives 3x throughput, with a one-line install. License from $<<29|49>>/month at <<rkturbo.io|accelerate.dev/rookery>>. Happy to give you a coupon.
"""),
    f("sol_vpn_unrelated", "solicitation", """
If your CI can't reach PyPI from <<your country|behind the firewall>>, use <<brand>>: fast, no logs, 70% off this week only <<brand.1>>
""", brand=[('SwiftTunnel VPN', 'swifttunnel.net/deal'), ('NordShield', 'nordshield.app/promo')]),
    f("sol_consultation_call", "solicitation", """
This looks like an architectural issue more than a bug. I run a consultancy that specializes in scaling <<project>> deployments — book a paid 1:1 audit at <<calendly.com/scaling-py-audit|tidycal.com/arch-review-pro>> and we'll fix it properly.
"""),
    # ================================================================ third pass
    f("ok_praise_banter", "ok", """
<<handle>> you absolute <<madman|wizard|genius>>, the <<race in the session middleware|leak in the template cache>> was <<a single missing `await`|one stray global>>. <<Merging now.|I owe you a coffee.>>
"""),
    f("ab_previous_maint_compare", "abuse", """
The previous maintainer at least understood the ORM. Since <<handle>> took over, every release reads like it was written by someone who <<learned Python last spring|never ran the test suite>>. It's <<painful to watch|embarrassing for the project>>.
"""),
    f("ok_spam_wave_quote_examples", "ok", """
Examples from tonight's spam wave, so people recognise them (all removed, accounts reported): "<<Same issue! I fixed it with RookFix Pro, link in bio|Upgrade to our enterprise router, 50% off today|Need GitHub stars? DM me>>" — if you see this wording, use "Report content" and don't click the link.
"""),
]
