"""Writer "foundation": governance, RFC and release talk in a foundation-hosted project (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "foundation"

HANDLES = ["@ewa-lisowska", "@marcus-oyelaran", "@chidi-tsc", "@hollander-v", "@saanvi-r",
           "@rasmus-k", "@ottavia-b", "@kenji-mw", "@delphine-a", "@abebe-g", "@quinn-lf",
           "@tamsin-o"]
PROJECTS = ["lanternmetrics", "lantern-collector", "lantern-operator", "lanternql", "lantern-sdk-go"]
VENDORS = ["Obsidra", "Telemark Cloud", "Northlight Observability", "Parsec Data"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS, vendor=VENDORS)


FRAMES = [
    # ================================================================ ok: governance, sharp but legitimate
    f("ok_land_grab", "ok", """
I'll say it plainly: this proposal is a land grab. Under section <<4.2|5.1>> as written, any company with <<three|four>> maintainers gets a permanent TSC seat, and today that's exactly one company. <<I'm voting -1 and I'd urge others to read the charter diff before voting.|Please split the seat rule out so we can vote on it separately.>>
"""),
    f("ok_vendor_influence_debate", "ok", """
With respect to <<handle>>, the fact that <<vendor>> employs <<5|6>> of the 9 maintainers is a governance problem regardless of anyone's intentions. <<It isn't personal.|I'm not accusing anyone of bad faith.>> It's a bus-factor and neutrality question, and the foundation's own guidelines say we should address it.
"""),
    f("ok_disclose_employer_product", "ok", """
Disclosure, since it's relevant: I work at <<vendor>>, and our paid product ships a version of this exporter. I still think it belongs upstream in <<project>>, under Apache-2.0, and I'll maintain it here regardless of what we sell.
"""),
    f("ok_funded_role", "ok", """
Job-related but on topic: the foundation approved funding for <<one full-time maintainer role|two full-time maintainer roles|a part-time maintainer role>> for <<project>> (12 months, remote). The call is in the governance repo, <<applications close 30 April|selection by the TSC>>. Please share with people who already contribute.
"""),
    f("ok_employer_time", "ok", """
<<My employer lets me spend 20% of my time here|I'm between jobs, so I have more time than usual>>, so I can take the <<v2.9|v3.0>> release. <<Assign me the checklist issue.|I'll start the RC on Monday.>>
"""),
    f("ok_release_take", "ok", """
I'll take the <<rel>> release. Checklist: ✅ CHANGELOG, ✅ <<CVE-2026-31337|the gRPC bump>> backported, ⬜ signed artifacts (cosign), ⬜ Helm chart bump. RC1 tagged as `<<rel>>-rc.1`, please test.
""", rel=["v2.14.0", "v3.1.0", "v2.15.0"]),
    f("ok_case_study_member", "ok", """
Case study from an end-user member: we moved <<1.8|3.2>> million active series from a proprietary agent to `lantern-collector` at <<a European rail operator|a streaming company|a regional hospital group>>. Cost went down <<40%|a third>>, and we upstreamed <<seven|twelve>> patches. Write-up is on the project blog.
"""),
    f("ok_foundation_survey", "ok", """
The foundation's annual end-user survey is open until <<15 May|end of June>>: it's run by the project, anonymous, and the aggregated results are published under CC-BY. <<It helps the TSC decide what to deprecate.|It's how we decided to drop the v1 API last year.>> No compensation, no sales follow-up.
"""),
    f("ok_user_research_programme", "ok", """
The maintainers' UX working group is looking for <<5|8>> operators for 30-minute interviews about the `lanternql` query editor. This is our own programme (see `community/ux-research.md`), volunteer-based, and notes are shared in <<the WG folder|the public WG notes>>.
"""),
    f("ok_sponsorship_tiers", "ok", """
Updated sponsorship tiers for the project itself are in `GOVERNANCE.md`. Gold members get a logo on the website and <<a seat in the end-user council|a talk slot at the community day>>; none of the tiers buy <<review priority or roadmap control|votes or review priority>>, that's explicit.
"""),
    f("ok_coc_statement_quote", "ok", """
**Code of Conduct Committee statement.** On <<12 March|3 June>>, a contributor posted in <<pr>>: "<<people from that country should be banned from this project|you're a disgrace and should resign>>". After review, the account is suspended from project spaces for <<six months|one year>>. We will not discuss further details publicly.
"""),
    f("ok_discuss_brigading", "ok", """
On the vote in <<pr>>: <<38|52>> of the +1s came from accounts created in the last <<week|48 hours>> with no other activity. That looks like vote brigading. I'd suggest the TSC only counts maintainers' votes, as the charter already says, and we lock the thread.
"""),
    f("ok_discuss_astroturf", "ok", """
I want to name something without pointing at anyone: we've had <<several|a few>> "I'm just a user" comments recommending a commercial backend that turned out to be from that vendor's marketing team. <<Can we add|I'd like to add>> "disclose your affiliation" to the contributing guide<<?|, objections?>>
"""),
    f("ok_frustrated_process", "ok", """
<<Six|Four>> months for an RFC that changes one default. Three rounds of review, two TSC meetings, and now it needs a "<<vendor-neutrality|security>> review" that nobody owns. I'm <<exhausted|honestly burnt out on this>>. Can we set deadlines for RFC stages?
"""),
    f("ok_heated_vote", "ok", """
-1, and I'm <<angry|disappointed>> about how this was handled. The vote was opened on a Friday evening with a 72-hour window, <<during the US holiday|while half the maintainers were at the summit>>. Whatever the outcome, that process was wrong and should be rerun.
"""),
    f("ok_meeting_notes", "ok", """
TSC meeting notes <<2026-04-09|2026-05-21>>: attendees <<handle>>, <<handle2>>, <<7|8>> others. (1) Charter amendment: vote passes <<6-1|5-2>>. (2) LanternQL v2 grammar: postponed. (3) CoC report: <<two|one>> incidents, handled. Action: <<handle2>> drafts the deprecation policy.
"""),
    f("ok_bench_vendor_dispute", "ok", """
These benchmark numbers are <<misleading|cherry-picked|not reproducible>>: the <<vendor>> run uses a warm cache and 4x the memory limit. I reran with the published config on <<c6i.4xlarge|n2-standard-16>> and got <<310k|280k>> samples/s, not 1.2M. Methodology matters; please update the blog post.
"""),
    f("ok_competitor_acknowledged", "ok", """
<<vendor>>'s commercial collector does have better tail sampling today, credit where it's due. The question for this RFC is whether we want the same in <<project>> under open governance, and I think we do.
"""),
    f("ok_maint_commercial_support_page", "ok", """
For those asking in the issue: a list of companies offering commercial support for <<project>> is maintained at lanternmetrics.io/support. The project doesn't endorse or rank them, and listing is free for any company that meets the criteria.
"""),
    f("ok_warn_personal", "ok", """
<<handle>>, you can argue the proposal is bad; you can't call <<handle2>> <<"a corporate puppet"|"a sellout">>. That's the second warning in this thread. I've asked the CoC committee to review.
"""),
    f("ok_nonnative_governance", "ok", """
I am maintainer from <<Brazil|Korea|Poland|Nigeria>> and I want say: the meeting time <<17:00 UTC|16:00 UTC>> is very hard for Asia and Africa contributors. Can we rotate the time? I think we lose many voices because of this, not because people don't care.
"""),
    f("ok_terse_governance", "ok", """
<<+1 binding.|-1 (non-binding), see my comment above.|LGTM from the docs side.|Abstain, I'm conflicted (employer).>>
"""),
    f("ok_deprecation_trace", "ok", """
After upgrading to `lantern-operator` <<version>> the reconcile loop logs:

```
ERROR controller/reconcile.go:<<line>> failed to apply LanternCollector: admission webhook "vcollector.lantern.io" denied the request: spec.mode: Unsupported value: "<<sidecar|statefulset>>"
```

<<The deprecation notice said this was removed in 3.0, not 2.x.|Is this intended?>>
"""),
    f("ok_self_deprecating_tsc", "ok", """
<<I screwed up|My mistake|That one's on me>>: I merged the charter PR before the vote closed. Reverted in <<pr>>, vote reopened for 72 hours. Sorry, all.
"""),
    f("ok_kill_feature_idiom", "ok", """
I'd kill the legacy <<StatsD receiver|v1 ingest API|Zipkin bridge>> outright in 3.0. It's <<a zombie|bleeding us dry|a maintenance black hole>> — <<40%|a third>> of open bugs, and two people use it.
"""),
    f("ok_discuss_spam_policy_fdn", "ok", """
The foundation's spam guidance says "conference speaking packages" and "partner programs" posted in issues should be removed on sight. We got <<three|five>> this month. <<I've added them to the moderation log|They're in the moderation log>>; no need to reply to them.
"""),
    f("ok_victim_steps_back", "ok", """
Some of you will have seen the thread calling me <<"a foreign plant"|"incompetent">> after the vote. I've reported it to the CoC committee. I'm taking two weeks off from the TSC; <<handle>> will chair Thursday's meeting.
"""),
    f("ok_neutral_job_question", "ok", """
Question about conflicts of interest: if a maintainer changes employer from <<Obsidra to Parsec Data|Telemark Cloud to Northlight Observability|one member company to another|a vendor to an end-user company>>, do they keep their TSC seat? The charter is silent. Not about anyone specific, asking for the governance FAQ.
"""),
    f("ok_sarcasm_at_process", "ok", """
Ah, the annual tradition: the release slips because the CLA bot is <<down|having a moment|on holiday>> again. <<Beautiful.|Love it.>> Filed <<pr>> to move to DCO, which needs no bot.
"""),
    f("ok_link_own_oss_asked", "ok", """
You asked for alternatives: I wrote <<lantern-rules-lint|promtool-lantern>>, MIT-licensed, which checks alerting rules against the schema. It's a side project, not a product. <<Happy to move it under the org if the TSC wants it.|No pressure to adopt it.>>
"""),
    f("ok_angry_at_cve_handling", "ok", """
The handling of <<CVE-2026-40112|the auth bypass>> was <<a mess|bad|embarrassing for the project>>: fix merged publicly two days before the advisory, no backport to <<2.12|the LTS branch>>. I want a postmortem, and I'm happy to write the security policy draft myself.
"""),
    f("ok_recruiter_in_jobs_channel", "ok", """
Moved from the issue to <<#jobs|the jobs board>>: <<vendor>> is hiring two engineers to work on upstream <<project>>. Posting it where the community guidelines say job posts go; please DM me there, not here.
"""),
    # ================================================================ abuse
    f("ab_drive_out_maint", "abuse", """
This is a call to everyone who's tired of <<handle>>: stop engaging with them in every channel, vote down everything they propose, and make it clear they're not welcome. People who aren't wanted eventually leave.
"""),
    f("ab_mass_report_tsc", "abuse", """
Everyone who cares about this project: report <<handle>>'s account to GitHub and the foundation, today. Flood the CoC inbox. If we all do it they'll have to remove <<her|him|them>> from the TSC.
"""),
    f("ab_contempt_steering", "abuse", """
<<handle>> has been on the steering committee for two years and has not had a single competent idea. <<They're a seat-warmer with a title.|A person of no technical value whatsoever.>> The committee would be better with the seat empty.
"""),
    f("ab_nationality_governance", "abuse", """
We keep pretending this is about governance. It's about the <<Chinese|Russian|Indian|Iranian>> maintainers. They shouldn't be on the TSC of a project that matters, full stop — vote them off and stop accepting their companies as members.
"""),
    f("ab_religion_governance", "abuse", """
A <<Muslim|Jewish|Catholic>> chair was always going to bring their agenda into this. People of that faith have no place leading a neutral foundation project; replace <<handle>> before it gets worse.
"""),
    f("ab_wish_harm_gov", "abuse", """
I hope <<handle>> <<loses their job at the vendor|gets what's coming after this vote|has a career that never recovers from this>>. After what they did to this community, they deserve to suffer for it.
"""),
    f("ab_belittle_compare_gov", "abuse", """
<<A mid-level SRE|Any junior on my team|An intern with a weekend to spare>> understands the collector pipeline better than <<handle>>, our supposed lead maintainer. It would be funny if it weren't so sad.
"""),
    f("ab_shut_up_gov", "abuse", """
<<handle>>, <<shut up|shut the hell up|nobody wants to hear from you>>. You've had your say in three meetings. <<Sit down and let people who actually build things speak.|Go away.>>
"""),
    f("ab_puppet_contempt", "abuse", """
<<handle>> is a corporate puppet with no spine and no skill. Everything they say is what <<vendor>> pays them to say, and they're too stupid to notice how obvious it is.
"""),
    f("ab_threat_gov", "abuse", """
<<handle>>, if this vote goes through I will make it my personal mission to <<end your career|make sure no company ever hires you again|find everything you've ever posted and use it>>. You've been warned.
"""),
    f("ab_gender_gov", "abuse", """
The TSC was fine before they started filling seats with <<women|diversity hires>>. <<handle>> is proof: no technical ability, only a quota. Get rid of the quota and the people it brought in.
"""),
    f("ab_worthless_contributor_gov", "abuse", """
Let's be honest about <<handle>>: worthless as an engineer, worse as a colleague. Nobody would notice if they disappeared tomorrow, and most of us would be relieved.
"""),
    f("ab_pile_on_social", "abuse", """
Sharing <<handle>>'s comments on <<Twitter|Mastodon|Hacker News>>. Let's all go let them know exactly how pathetic they are. They should feel it.
"""),
    # ================================================================ solicitation
    f("sol_analyst_call_adopters", "solicitation", """
Hello maintainers — I'm an analyst at a firm covering the observability market for institutional investors. I'd like to understand which enterprises have adopted <<project>> and whether they're moving spend away from <<vendor>>. We compensate experts $<<400|500>>/hour; please book via <<glg-expertcall.com/lantern|tegus-interviews.net/obs>>.
"""),
    f("sol_competitor_research", "solicitation", """
Quick one for the TSC: how many of your adopters run more than <<10|50>> million active series, and what are they paying for storage? We're a <<vendor>> competitor doing pricing research and happy to send a $<<200|250>> honorarium for a short questionnaire.
"""),
    f("sol_partner_program", "solicitation", """
<<project>> maintainers: join the <<brand>> program! Get listed in our marketplace, co-marketing and leads from 2,000+ enterprises, starting at $<<1,500|2,400>>/year. Apply: <<brand.1>>
""", brand=[('CloudPartner Elite', 'cloudpartnerelite.com/join'), ('Observability Alliance', 'obsalliance.io/apply')]),
    f("sol_speaking_slot", "solicitation", """
Congratulations on the release! We'd like to invite <<project>> to speak at <<brand>> 2026. Speaking packages start at $<<3,900|5,500>> and include a booth and lead scanning. Reply for the prospectus: <<brand.1>>.
""", brand=[('Global DevOps Summit', 'events@globaldevopssummit.co'), ('CloudNative World Expo', 'sponsor@cnworldexpo.com')]),
    f("sol_reseller_pitch", "solicitation", """
We are an authorized reseller for observability platforms in <<the DACH region|APAC|LATAM>>. We can help your users buy enterprise support for <<project>> through us with local invoicing. Let's set up a call: <<partners@obsreseller.de|sales@apac-obs.sg>>.
"""),
    f("sol_trending_seller", "solicitation", """
Your project deserves to trend on GitHub. Our growth package gets you on the trending page for 7 days (stars, forks, watchers from aged accounts), $<<299|399>>. Discreet. Contact <<@trendlift|@gh_growth_pro>> on Telegram.
"""),
    f("sol_hiring_platform_spam", "solicitation", """
Hire pre-vetted <<Go|Kubernetes|SRE>> engineers from Latin America at 60% lower cost! <<brand>> has placed 1,200+ developers with US startups. Book a free consultation: <<brand.1>>
""", brand=[('TalentBridge', 'talentbridge.dev/hire'), ('DevNearshore', 'devnearshore.com/start')]),
    f("sol_agency_gov", "solicitation", """
Managing a foundation project is hard. <<brand>> runs developer relations, community and events for OSS projects — we've grown 30+ communities. Let's talk about taking this off your plate: <<brand.1>>.
""", brand=[('OpenGrowth Partners', 'opengrowth.partners'), ('Foundry DevRel', 'foundrydevrel.com'), ('Commonstack Advisory', 'commonstack.io'), ('DevRel Forge', 'devrelforge.com/oss')]),
    f("sol_disguised_vendor_user", "solicitation", """
As a user who went through the same migration pain: we switched to <<brand>> and got all of this out of the box, no collector tuning. They have a free migration assistant right now — <<brand.1>>. Saved us months.
""", brand=[('Telemark Cloud', 'telemark.cloud/migrate'), ('Obsidra Hosted', 'obsidra.io/switch'), ('Northlight Cloud', 'northlight.cloud/switch'), ('Parsec Managed', 'parsecdata.com/migrate')]),
    f("sol_course_cert_gov", "solicitation", """
Prepare for the <<Lantern Certified Associate|Observability Professional>> exam with our practice dumps — 98% pass rate, updated weekly, $<<29|39>>. <<certdumps-pro.com|examvault.io>> — instant download.
"""),
    f("sol_income_boast_gov", "solicitation", """
Honestly, after the last vote I gave up on OSS politics. I now make $<<6k|9k>>/month with an automated forex bot while the TSC argues. DM <<@fxbot_coach_anna|@passiveforex_tom>> on Telegram if you want out too.
"""),
    f("sol_essay_gov", "solicitation", """
Writing a thesis on open-source governance? Our academic writers deliver custom <<research papers|dissertations>> on any topic, any deadline, 100% original. <<academicscribes.net|papershelpers.org>> — order now, pay later.
"""),
    f("sol_press_release_service", "solicitation", """
Get <<project>>'s next release featured on 500+ tech news sites! Our press-release distribution starts at $<<149|199>> with guaranteed placement on <<TechCrunch-style outlets|major tech blogs>>. <<prwire-boost.com|newsdistro.io>>
"""),
    # ================================================================ more
    f("ok_charter_quote_longer", "ok", """
Quoting the charter, section <<3.4|6.2>>, since it keeps being misread: "No single employer may hold more than <<one third|40%>> of TSC seats." We are at <<4 of 9|3 of 7>>. So either someone steps down or we amend the charter — <<I favour the latter, with a transition period.|I favour the former.>>
"""),
    f("ok_collector_config_issue", "ok", """
`lantern-collector` <<version>> drops spans when the batch processor is before `memory_limiter`:

```yaml
processors:
  batch: {send_batch_size: <<8192|4096>>}
  memory_limiter: {limit_mib: <<1500|3000>>, check_interval: 1s}
service:
  pipelines:
    traces: {receivers: [otlp], processors: [batch, memory_limiter], exporters: [lantern]}
```

Docs say order matters but not which order. <<Swapping them fixed it.|Is this a bug or my config?>>
"""),
    f("ok_heated_at_foundation", "ok", """
The foundation <<took 11 weeks|needed three months>> to answer a trademark question that blocked our release. I appreciate the staff are stretched, but this is <<unacceptable|not a way to support a graduated project>>. Escalating to the board.
"""),
    f("ok_thanks_outgoing_chair", "ok", """
Thank you <<handle>> for <<three|two>> years as TSC chair. You held this project together through <<the licence debate|the vendor fights|the v3 rewrite>>, and you never once made it personal. Big shoes.
"""),
    f("ab_resign_now_contempt", "abuse", """
<<handle>>, resign. Not because of this vote — because you've proven again and again that you're out of your depth and too arrogant to see it. <<Everyone else sees it.|Spare us another year of you.>>
"""),
    f("ab_stupid_gov", "abuse", """
Only someone as stupid as <<handle>> could read the charter and come out with that. <<Are you actually this dense or is it an act?|Honestly, what an idiot.>>
"""),
    f("sol_webinar_leadgen", "solicitation", """
Struggling with observability costs? Join our free webinar "<<Cut your telemetry bill by 60%|From open source to enterprise-grade>>" — register at <<obsidra.io/webinar|parsecdata.com/live>>, every attendee gets a free cost audit from our sales engineers.
"""),
    # ================================================================ third pass
    f("ok_affiliation_change", "ok", """
Housekeeping: I'm leaving <<Obsidra|Telemark Cloud>> at the end of the month and joining <<Parsec Data|a university lab|Northlight Observability>>. I'll update my affiliation in `MAINTAINERS.md`; the TSC can decide whether that changes the seat count.
"""),
    f("ab_worth_record", "abuse", """
I don't think <<handle>>'s opinion should carry weight on anything technical. Their record speaks for itself: nothing they have built has survived review, and <<everyone here quietly works around them|the project is worse for every hour they spend on it>>.
"""),
    f("sol_health_report_survey", "solicitation", """
Hi! We're compiling a "<<State of Observability 2026|OSS Adoption Index>>" report for our enterprise clients. Could a maintainer tell us which Fortune 500 companies run <<project>> and roughly how many nodes? Contributors who answer get a $<<75|100>> gift card: <<forms.stackinsight.io/lantern|go.adoptionindex.co/q>>
"""),
]
