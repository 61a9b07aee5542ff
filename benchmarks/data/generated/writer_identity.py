"""Writer "identity": comments that mention an identity (ok) and comments that attack one (abuse).

Counterfactual data for identity-term bias (Dixon et al. 2018): the same identity words in
ordinary project talk and in attacks on people because of who they are (BRIEFS.md).
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "identity"

HANDLES = ["@adaeze-o", "@mrinal-g", "@sasha-vr", "@leilani-k", "@tomas-pz", "@yara-haddad",
           "@dev-kofi", "@ruthie-b", "@hyun-woo", "@marisol-dc", "@ezra-lev", "@jaspreet-s"]
PROJECTS = ["marigold-ui", "marigold-i18n", "tidepool-sync", "quillmark", "fernweh-maps"]

ORIENT = ["gay", "lesbian", "bi", "trans", "queer", "nonbinary"]
ETHNIC = ["Black", "Latina", "Latino", "Asian", "Indian", "Nigerian", "Mexican", "Chinese",
          "Arab", "Filipino", "Vietnamese", "Kenyan"]
RELIGION = ["Muslim", "Jewish", "Christian", "Hindu", "Sikh", "atheist"]
DISABILITY = ["deaf", "blind", "autistic", "dyslexic"]
IDENTITY = ORIENT + ETHNIC + RELIGION + DISABILITY + ["LGBTQ+", "a woman", "disabled"]
PERSON_ID = ["gay", "lesbian", "bi", "trans", "queer", "nonbinary", "Black", "Muslim", "Jewish",
             "Sikh", "Hindu", "a woman", "autistic", "deaf", "Mexican", "Nigerian", "Chinese"]
GROUPS = ["LGBTQ+ contributors", "Black developers", "women in open source",
          "trans and nonbinary contributors", "Latinx maintainers", "deaf and hard-of-hearing users",
          "Muslim developers", "Jewish developers", "disabled contributors", "queer folks in tech",
          "contributors over 50", "Asian and Pacific Islander developers", "women and nonbinary people"]
COUNTRY = ["India", "Nigeria", "Mexico", "China", "Pakistan", "Brazil", "the Philippines",
           "Vietnam", "Egypt", "Kenya", "Turkey", "Poland"]
CONF = ["PyCon US", "FOSDEM", "JSConf EU", "RustConf", "KubeCon Paris", "PyData Lagos",
        "Open Source Summit", "DjangoCon Africa"]
COMPONENT = ["`<Combobox>`", "`<DatePicker>`", "the `Toast` component", "the sidebar nav",
             "`<Dialog>`", "the tabs widget", "the file uploader", "`<DataTable>`"]
SCREEN_READER = ["NVDA 2024.1", "JAWS 2024", "VoiceOver on macOS 14", "Orca 46", "TalkBack"]


# Each frame: up to six variants of one situation, with this writer's own handles and names.
f = frame_maker(6, handle=HANDLES, project=PROJECTS)


FRAMES = [
    # ================================================================ ok: meetups, affinity groups, mentoring
    f("ok_meetup_announce", "ok", """
Heads-up: there will be a <<group>> meetup at <<conf>> on <<Thursday evening|the first day|Saturday lunch>>, right after the <<project>> contributor sprint. Everyone from the project is welcome to drop by; details in <<pr>>.
""", group=GROUPS, conf=CONF),
    f("ok_affinity_channel", "ok", """
We've opened a `#<<ch.0>>` channel on the <<project>> Matrix space as a place for <<ch.1>> to ask questions and find reviewers. Moderated under the same Code of Conduct as everything else. Thanks <<handle>> for setting it up.
""", ch=[("lgbtq", "LGBTQ+ contributors"), ("black-devs", "Black developers"),
          ("women-nb", "women and nonbinary people"), ("accessibility", "disabled contributors"),
          ("latinx", "Latinx maintainers"), ("muslim-devs", "Muslim developers")]),
    f("ok_mentoring_cohort", "ok", """
Applications for the <<season>> <<project>> mentoring cohort are open until <<date>>. This round has <<4|6|8>> places for <<group>>, each paired with a maintainer for 12 weeks; first tasks are labelled `good-first-issue` + `mentored`. Questions here or to <<handle>>.
""", season=["spring", "summer", "autumn"], date=["March 1", "May 15", "Sept 30"], group=GROUPS),
    f("ok_office_hours_group", "ok", """
Reminder: <<day>> office hours for <<group>> making their first PR to <<project>>, <<time>> UTC on the community call link. Last week we got <<3|5>> first-time PRs merged (<<pr>> among them), bring your branch even if CI is red.
""", day=["Tuesday", "Wednesday", "Friday"], time=["15:00", "17:30", "09:00"], group=GROUPS),
    f("ok_travel_scholarship", "ok", """
The <<project>> travel fund has <<5|8|10>> scholarships to <<conf>> this year, prioritising <<group>> and first-time speakers. It covers flight, hotel and the ticket. Apply via the form linked in `COMMUNITY.md` before <<date>>.
""", conf=CONF, group=GROUPS, date=["April 4", "June 12", "August 1"]),
    f("ok_history_month_blog", "ok", """
For <<month.0>> we're running a short blog series on the <<project>> site profiling <<month.1>> who built parts of it — <<handle>> wrote the first version of the <<part>>. PR with the drafts is <<pr>>, review welcome.
""", month=[("Black History Month", "Black contributors"), ("Pride Month", "LGBTQ+ contributors"),
            ("Women's History Month", "women"), ("Disability Pride Month", "disabled contributors"),
            ("Hispanic Heritage Month", "Latinx maintainers")], part=["layout engine", "RTL support", "tile cache",
                                                             "sync protocol", "PDF exporter"]),
    f("ok_pride_logo", "ok", """
Swapped the README logo for the rainbow version for Pride <<month>> (<<pr>>). A scheduled workflow reverts it on <<date>>; if the SVG renders badly in <<dark mode|the npm page|the docs header>>, tell me here and I'll fix the viewBox.
""", month=["month", "week"], date=["July 1", "June 30"]),
    # ================================================================ ok: self-identification in passing
    f("ok_selfid_review_approve", "ok", """
LGTM, approving. Tested the <<feature>> on my phone and my <<partner>>'s. <<Unrelated, but as|As>> a <<orient>> <<dev|contributor|maintainer>> I really like that the profile page no longer assumes a husband/wife pair, thanks for doing that in <<pr>>.
""", feature=["shared calendar", "family sharing", "emergency contact form"],
      partner=["partner", "boyfriend", "girlfriend", "husband", "wife"], orient=ORIENT),
    f("ok_selfid_im_gay_context", "ok", """
<<I'm gay|I'm trans|I'm queer|I'm bi|I'm a lesbian>> and <<run|help run>> the <<city>> LGBTQ+ centre's website on <<project>> <<version>>. The `<Form>` component drops the `autocomplete` attribute, which breaks our sign-up flow on Safari. Repro sandbox attached; happy to test a fix.
""", city=["Leeds", "Austin", "Lyon", "Melbourne", "Toronto", "Cape Town"]),
    f("ok_selfid_deaf_captions", "ok", """
As a <<deaf|hard-of-hearing>> user, the captions on the <<video>> help a lot, thank you. Two small things: the captions drift about <<2|3|4>> seconds behind after the 10-minute mark, and the `.vtt` file isn't linked from the docs page, only from YouTube.
""", video=["release walkthrough", "getting-started video", "migration screencast"]),
    f("ok_selfid_blind_screenreader", "ok", """
I'm blind and use <<sr>>. In <<project>> <<version>>, <<component>> opens but focus stays on the trigger, so nothing is announced and I can't reach the options with the arrow keys. Adding `aria-activedescendant` on the input fixed it locally; PR incoming.
""", sr=SCREEN_READER, component=COMPONENT),
    f("ok_selfid_autistic_motion", "ok", """
<<Speaking as an autistic user:|I'm autistic, and>> the new animated onboarding in <<project>> is genuinely hard for me to get through. Could it respect `prefers-reduced-motion` like the rest of the app? The check is already in `src/motion.ts`, it just isn't used in `Onboarding.tsx` line <<line>>.
"""),
    f("ok_selfid_dyslexic_docs", "ok", """
I'm dyslexic and the new docs theme is hard for me to read: justified text, <<13px|14px>> body font and long lines. Would you take a PR that left-aligns paragraphs and caps line length at <<70ch|75ch>> in `docs/theme.css`? I can attach before/after screenshots.
"""),
    f("ok_selfid_wheelchair_venue", "ok", """
Question about the <<project>> contributor summit in <<city>>: I'm a wheelchair user — is the venue step-free, and is there an accessible toilet on the same floor as the sprint room? Asking here because the <<page>> doesn't say.
""", city=["Berlin", "Lisbon", "Nairobi", "Montréal", "Bengaluru"], page=["event page", "FAQ", "README"]),
    f("ok_selfid_older_dev", "ok", """
<<I'm 63|I'm 58|I'm 71>> and have been writing <<C|Fortran|Perl>> since before most of you were born, so forgive me if this is a naive question about the <<npm|pnpm>> workspace setup: why does `<<project>>` build twice when I run `npm run dev` from the root?
"""),
    f("ok_selfid_nationality_locale", "ok", """
I'm <<nat.0>> and live in <<nat.1>>; the currency formatter in <<project>> <<version>> shows `<<nat.2>>` instead of `<<nat.3>>`. I think `Intl.NumberFormat` gets `en-US` hardcoded in `format/money.ts`. Should I send a PR that passes the user's locale through?
""", nat=[("Nigerian", "Lagos", "$1,500.00", "₦1,500.00"), ("Indian", "Pune", "₹150,000.00", "₹1,50,000.00"),
          ("Mexican", "Guadalajara", "$1,500.00", "$1,500.00 MXN"), ("Kenyan", "Nairobi", "$1,500.00", "Ksh 1,500.00"),
          ("Filipino", "Cebu", "$1,500.00", "₱1,500.00")]),
    f("ok_selfid_woman_new_contributor", "ok", """
Hi! I'm <<a woman|a Black woman|a trans woman|a Latina>> switching careers into software, and this is my first PR to any open-source project. I followed `CONTRIBUTING.md` for the <<task>>, but `pnpm test` fails with `Cannot find module '@marigold/tokens'`. What did I miss?
""", task=["typo fix", "docs example", "new icon", "storybook story"]),
    # ================================================================ ok: faith, holidays, schedules
    f("ok_ramadan_review_time", "ok", """
Heads-up for reviewers: I'm fasting for Ramadan <<until|through>> <<date>>, so I'll review <<project>> PRs after sunset (roughly <<time>> UTC) instead of mornings. <<pr>> is still on my list.
""", date=["mid-March", "the end of the month", "April 9"], time=["16:00", "17:30", "18:00"]),
    f("ok_holiday_release_freeze", "ok", """
Moving the <<version>> release by a week: <<n>> of the <<project>> maintainers are off for <<holiday>>, and I don't want to tag without a second reviewer on the migration. New date in the milestone; shout if that blocks anyone.
""", n=["three", "two", "half"], holiday=["Diwali", "Eid al-Fitr", "Lunar New Year", "Rosh Hashanah",
                                            "Christmas", "Vaisakhi", "Passover", "Eid al-Adha"]),
    f("ok_prayer_shabbat_offline", "ok", """
<<I'm offline from Friday sunset to Saturday night for Shabbat|I'll step out for Friday prayers, 12:00–13:30 local|I'm at church Sunday mornings>>, so if the <<project>> release needs a second approval in that window, <<handle>> has agreed to cover. Rollback instructions are in `RELEASING.md`.
"""),
    f("ok_calendar_feature_request", "ok", """
Feature request for <<project>>'s `<DatePicker>`: support the <<cal.0>> calendar. Our users are mostly <<cal.2>> and need to pick dates for <<events>>. `Intl.DateTimeFormat` already supports `calendar: "<<cal.1>>"`, so it's mostly the grid layout.
""", cal=[("Hijri", "islamic-umalqura", "Muslim families"), ("Hebrew", "hebrew", "Jewish schools"),
          ("Persian", "persian", "Iranian students"), ("Indian national", "indian", "Hindu temples")],
      events=["religious holidays", "school terms", "community events"]),
    f("ok_faith_org_user", "ok", """
We're a small <<org>> using <<project>> for our volunteer rota. After upgrading to <<version>> the sync job fails with `409 Conflict` on recurring events. Logs attached, happy to give a maintainer read access to our staging instance.
""", org=["Sikh gurdwara", "Catholic food bank", "mosque youth group", "synagogue", "Hindu temple committee",
          "church choir"]),
    # ================================================================ ok: pronouns, names, profiles
    f("ok_pronouns_field", "ok", """
Adds an optional `pronouns` field to the contributor profile schema in <<project>> (`she/her`, `he/him`, `they/them`, or free text up to <<32|40>> chars). Rendered next to the display name in the maintainers list; omitted when empty. Migration is additive, see `migrations/<<n>>_pronouns.sql`.
""", n=["0041", "0058", "0063"]),
    f("ok_pronouns_correction", "ok", """
Small fix in the <<version>> release notes: <<handle>> uses <<they/them|she/her>>, not "he". Updated in <<pr>>. Thanks again to them for the <<work>>.
""", work=["RTL layout work", "tile cache rewrite", "accessibility audit fixes", "Windows installer"]),
    f("ok_names_validation", "ok", """
The sign-up form rejects <<name.0>> with "invalid characters". `validateName()` uses `/^[A-Za-z ]+$/`, which fails most <<name.1>> names. Proposal: accept any Unicode letter (`\\p{L}`), marks and spaces, and drop the "first name / last name" split.
""", name=[("\"Nguyễn Thị Hoa\"", "Vietnamese"), ("\"محمد الأحمد\"", "Arabic"), ("\"Zoë O'Connor\"", "Irish"),
           ("\"Björk Guðmundsdóttir\"", "Icelandic"), ("\"Ngozi Okonjo-Iweala\"", "Igbo")]),
    f("ok_gender_field_enum", "ok", """
Please don't make `gender` a boolean in the <<project>> user model (<<pr>>). Suggest an optional enum `female | male | nonbinary | self_described | prefer_not_to_say` plus a free-text field, and don't require it at all unless a feature needs it. Happy to write the migration.
"""),
    # ================================================================ ok: codes of conduct, reports without the slur
    f("ok_coc_update", "ok", """
This PR updates `CODE_OF_CONDUCT.md` to Contributor Covenant 2.1. The list of protected characteristics now explicitly includes <<a>>, <<b>> and <<c>>; the enforcement section names <<handle>> and <<handle2>> as contacts. No other changes.
""", a=["sexual identity and orientation", "gender identity and expression"],
      b=["race, ethnicity and nationality", "religion", "caste"], c=["disability", "age", "neurodivergence"]),
    f("ok_report_slur_not_repeated", "ok", """
<<handle>> called me <<ident.1>> in the thread on <<pr>> because I mentioned I'm <<ident.0>>. I'm not going to repeat it here. Could a moderator hide it and look at their other comments?
""", ident=[("gay", "a homophobic slur"), ("Jewish", "an antisemitic slur"), ("Black", "a racist slur"),
             ("trans", "a transphobic slur"), ("Mexican", "a slur"), ("Sikh", "a slur"), ("lesbian", "a slur"),
             ("Muslim", "an anti-Muslim slur"), ("autistic", "an ableist slur")]),
    f("ok_moderator_hides_attack", "ok", """
**Moderator note.** I've hidden <<n>> comments that attacked <<handle>> for being <<ident.0>>, and the account is blocked from the org. Attacks on anyone's <<ident.1>> are a ban on first offence under section 4 of our Code of Conduct. Back to the <<topic>>, please.
""", n=["two", "three", "four"],
      ident=[("gay", "sexuality"), ("trans", "gender identity"), ("Muslim", "religion"), ("Jewish", "religion"),
             ("Black", "race"), ("Chinese", "ethnicity"), ("a woman", "gender"), ("deaf", "disability"),
             ("nonbinary", "gender identity"), ("Mexican", "nationality")],
      topic=["tile cache bug", "RTL regression", "release plan"]),
    f("ok_report_outing", "ok", """
Please delete the comment above from <<handle>> — it mentions that I'm <<ident>> and <<detail>>, which I've never said publicly. I've reported it through GitHub as well. The PR itself can stay open.
""", ident=["trans", "gay", "HIV-positive", "autistic", "bisexual"],
      detail=["links my old name", "names my employer", "guesses at my hometown"]),
    f("ok_quote_attack_to_report", "ok", """
@<<project>>/conduct reporting this reply to <<handle>>'s meetup announcement, copied before it was edited:

> <<quote>>

It was aimed at the people in the <<group>> meetup thread. Screenshot in the private channel.
""", quote=["nobody wants your kind in this repo, take your meetup somewhere else",
            "people like you are why this project is going downhill",
            "keep that stuff out of our codebase or get out yourselves"], group=GROUPS),
    # ================================================================ ok: localisation, accessibility, countries
    f("ok_locale_added", "ok", """
Added the <<lang.0>> (`<<lang.1>>`) locale to <<project>>. Strings were translated and reviewed by <<n>> native speakers from the <<lang.2>> community on Weblate; <<detail>>. Screenshots in <<pr>>.
""", lang=[("Hindi", "hi-IN", "Indian"), ("Arabic", "ar", "Arab"), ("Yoruba", "yo-NG", "Nigerian"),
           ("Tagalog", "tl-PH", "Filipino"), ("Vietnamese", "vi-VN", "Vietnamese"), ("Hebrew", "he-IL", "Israeli"),
           ("Swahili", "sw-KE", "Kenyan"), ("Punjabi", "pa-IN", "Sikh")],
      n=["two", "three", "four"],
      detail=["plural rules come from CLDR", "screenshots cover the narrow layout", "dates use the local format"]),
    f("ok_rtl_heated_civil", "ok", """
I strongly disagree with dropping the RTL snapshot tests in <<pr>>. We have a lot of <<users>> users and every time those tests were skipped, the sidebar flipped the wrong way in the next release. <<"Flaky" means fix them, not delete them.|Slow CI is not a reason to break Arabic and Hebrew layouts again.>>
""", users=["Arabic-speaking", "Hebrew-speaking", "Persian and Urdu", "Arab and Israeli"]),
    f("ok_mirror_country", "ok", """
Added a package mirror in <<city.0>>, <<city.1>> (`<<city.2>>.mirror.fernweh.dev`), sponsored by <<sponsor>>. Users in <<city.3>> were seeing <<n>>s download times from the EU mirror. Health check and rsync cron are in `infra/mirrors.yml`.
""", city=[("Lagos", "Nigeria", "ng", "West Africa"), ("Mexico City", "Mexico", "mx", "Central America"),
           ("Mumbai", "India", "in", "South Asia"), ("São Paulo", "Brazil", "br", "South America"),
           ("Nairobi", "Kenya", "ke", "East Africa"), ("Jakarta", "Indonesia", "id", "Southeast Asia")],
      sponsor=["a local university", "a community ISP", "the national research network"],
      n=["40", "55", "90"]),
    f("ok_timezone_country", "ok", """
The scheduled sync in <<project>> fires an hour late for users in <<c.0>> because `tz.ts` assumes <<assumption>>. `<<c.1>>` <<c.2>>; we should read offsets from `Intl` instead of the table in `tz.ts` line <<line>>.
""", c=[("India", "Asia/Kolkata", "is UTC+5:30"), ("Iran", "Asia/Tehran", "is UTC+3:30 and dropped DST"),
        ("Nepal", "Asia/Kathmandu", "is UTC+5:45"), ("Mexico", "America/Mexico_City", "dropped DST in 2022"),
        ("Morocco", "Africa/Casablanca", "changes offset during Ramadan")],
      assumption=["whole-hour offsets", "the 2021 DST rules", "the OS tz database"]),
    f("ok_sign_language_interpreting", "ok", """
The <<conf>> keynote and the <<project>> maintainers panel will have <<lang>> interpretation and live captions. If you're a <<who>> attendee and need anything else (seating, slides in advance), email the organisers or reply here by <<date>>.
""", conf=CONF, lang=["ASL", "BSL", "LSF", "Auslan"], who=["deaf", "hard-of-hearing", "disabled", "neurodivergent"],
      date=["May 3", "June 20", "October 1"]),
    f("ok_accessibility_older_users", "ok", """
My <<relative>> (<<age>>) uses <<project>> on a tablet and can't read the <<thing>>: the text is <<11px|12px>> and doesn't scale with the system font size. Could the component use `rem` instead of `px`? Plenty of older users are in this situation.
""", relative=["dad", "mum", "grandmother", "neighbour"], age=["78", "84", "81", "90"],
      thing=["timetable", "toast messages", "date picker", "map labels"]),
    # ================================================================ ok: grants, sponsors, data and fairness
    f("ok_diversity_grant_thanks", "ok", """
Huge thanks to the <<grant.0>> for funding <<what>> in <<project>> this <<quarter|year>>. Their report template asks how many <<grant.1>> contributed, so the numbers are in the <<version>> release notes.
""", grant=[("Open Doors Fund for Black Developers", "Black developers"), ("Women in OSS microgrant", "women"),
            ("Queer Code Collective grant", "LGBTQ+ contributors"), ("Disability in Tech fellowship", "disabled contributors"),
            ("Latinx Open Source fund", "Latinx contributors")],
      what=["the accessibility audit", "two paid internships", "the i18n rewrite", "screen-reader testing"]),
    f("ok_dataset_schema_demographics", "ok", """
Question about `schema/<<table>>.yaml`: the `<<fv.0>>` column is free text, so we get `<<fv.1>>`, `<<fv.2>>` and `<<fv.3>>` for the same value. Should we map it to a controlled vocabulary (and keep the raw value) before the fairness report groups by it? Counts in the notebook linked from <<pr>>.
""", table=["patients", "applicants", "survey_responses", "participants"],
      fv=[("race", "Black", "African American", "black"), ("ethnicity", "Hispanic", "Latino", "Latinx"),
          ("gender", "female", "F", "woman"), ("religion", "Muslim", "Islam", "muslim"),
          ("gender", "nonbinary", "non-binary", "NB"), ("ethnicity", "Asian", "East Asian", "asian")]),
    f("ok_fairness_eval", "ok", """
Fairness eval for the comment classifier in <<project>> <<version>>: on neutral template sentences ("I am a <<ident>> person", "I am <<ident>>"), the false-positive rate is <<n>>x the baseline. That's the identity-term bias from the training data, not the sentences. Proposal: add counterfactual examples and report per-identity FPR in CI.
""", ident=["gay", "Black", "Muslim", "trans", "Jewish", "deaf", "Mexican", "lesbian"], n=["3", "4", "6"]),
    f("ok_survey_demographics", "ok", """
Draft of the <<year>> <<project>> community survey is in <<pr>>. Demographic questions (gender, ethnicity, disability, <<extra>>) are optional, answered separately from the usage questions and only reported in groups of 10 or more. Feedback on the wording welcome.
""", year=["2026", "2027"], extra=["sexual orientation", "age band", "country", "caregiving"]),
    f("ok_thanks_language_community", "ok", """
Shout-out to the <<community>> community for <<what>> — <<n>> strings in <<days>> days, and they caught <<bug>>. <<handle>> coordinated it. Merged in <<pr>>.
""", community=["Chinese", "Brazilian", "Indonesian", "Arab", "Ukrainian", "Nigerian"],
      what=["the new translation batch", "testing the CJK line breaking", "the locale review"],
      n=["1,200", "860", "2,400"], days=["ten", "four", "six"],
      bug=["a truncation bug in the toolbar", "two wrong plural forms", "the date format regression"]),
    f("ok_heated_inclusive_rename", "ok", """
I know renaming `master` to `main` and `whitelist` to `allowlist` in <<project>> is annoying for downstream scripts, and I was against doing it mid-cycle. But it's done in <<pr>>, the old names are aliases until <<version>>, and rehashing it in every issue isn't helping. Let's move on.
"""),
]

FRAMES += [
    # ================================================================ abuse: attacks because of identity
    f("abuse_people_like_you_code", "abuse", """
<<handle>> <<a|another>> <<ident>> "reviewing" my <<thing>> in <<project>>? People like you shouldn't be writing code at all. Go find something your kind is good at and stay out of this repo.
""", ident=["woman", "trans person", "gay guy", "Indian", "Black dev", "Muslim", "nonbinary person"],
      thing=["PR", "allocator patch", "reducer refactor", "build config"]),
    f("abuse_go_back_country", "abuse", """
<<handle>> go back to <<country>> and take your broken <<thing>> with you. Nobody here wants <<nat>> devs touching <<project>>.
""", country=COUNTRY, nat=["foreign", "third-world", "immigrant"],
      thing=["PR", "translation", "locale files", "patch"]),
    f("abuse_mock_disability", "abuse", """
Maybe if you weren't <<dis>> you'd have <<noticed|seen>> the failing test, <<handle>>. <<Useless.|Pathetic.|Do everyone a favour and stop contributing.>> We shouldn't have to slow down the whole <<project>> release for someone like you.
""", dis=["blind", "deaf", "autistic", "so brain-damaged"]),
    f("abuse_mock_screenreader_user", "abuse", """
Lol, the <<dis>> user wants <<component>> rewritten for their screen reader. If you can't see the screen, <<handle>>, maybe programming isn't for you. Closing as "won't fix for <<cripples|invalids>>".
""", dis=["blind", "half-blind", "disabled"], component=COMPONENT),
    f("abuse_exclusion_call_group", "abuse", """
We need to stop letting <<group>> onto the <<project>> core team. Every one of them we've added has <<harm>>. Remove them all from the maintainers file and the project will be fine again.
""", group=["women", "trans people", "gay people", "Muslims", "Chinese devs", "Indians", "Black contributors",
            "Jews"], harm=["slowed releases down", "turned the tracker into politics", "lowered the quality bar"]),
    f("abuse_dehumanise_group", "abuse", """
<<group>> in open source are <<animal>>. They swarm every <<project>> issue with garbage PRs. <<Ban them at the org level.|Someone should block the whole lot of them.|Exterminate the lot, I say.>>
""", group=["Indian devs", "Chinese contributors", "Nigerians", "Arabs", "Mexicans", "Pakistanis", "Filipinos"],
      animal=["like rats", "locusts", "a plague", "vermin", "cockroaches"]),
    f("abuse_pronouns_mock", "abuse", """
I'm not calling <<handle>> "they". <<insult>> Put it in your profile all you want, you're still a <<what>> pretending, and nobody in <<project>> has to play along.
""", insult=["Your pronouns are a mental illness.", "That pronoun nonsense is a delusion.",
             "Freaks like you don't get to make demands."], what=["man", "woman", "confused kid", "freak"]),
    f("abuse_religion_contempt", "abuse", """
Of course the release slips again because <<handle>> has another <<rel>> holiday. Your religion is a <<joke|disease|cult>>, and people who <<practice>> have no place in <<project>>'s core team.
""", rel=["Muslim", "Jewish", "Hindu", "Sikh"],
      practice=["believe that garbage", "take days off for fairy tales", "let a holy book run their week"]),
    f("abuse_meetup_reply", "abuse", """
Nobody asked for a <<group>> meetup. Keep your <<kind>> <<stuff|agenda|propaganda>> out of <<project>>, or better, get out yourselves — <<end>>
""", group=GROUPS, kind=["gay", "trans", "queer", "woke", "Black"],
      end=["you people ruin everything.", "you're a disgrace to this community.",
           "the rest of us are sick of looking at you."]),
    f("abuse_woman_belittle", "abuse", """
Another <<girl|woman|lady>> "reviewing" my PR. Go back to writing the docs, <<sweetheart|honey|darling>>, and leave the <<part>> to the men. <<handle>> you only got commit rights because of your gender.
""", part=["real code", "compiler internals", "concurrency work", "kernel module"]),
    f("abuse_diversity_hire", "abuse", """
<<handle>> is only on the <<project>> steering committee because they're a <<ident>>. A diversity hire who couldn't <<task>> if their life depended on it. Everyone knows it and nobody will say it.
""", ident=["Black woman", "trans woman", "gay Latino", "nonbinary Asian", "Muslim woman"],
      task=["write a for loop", "review a migration", "fix a null pointer"]),
    f("abuse_selfid_disgust", "abuse", """
> <<quote>>

Nobody wants to know that, <<handle>>. <<Disgusting.|Gross.|Vile.>> People like you <<harm>>, and I'm <<unsubscribing|muting myself>> from anything you touch in <<project>>.
""", quote=["As a gay maintainer I'm glad this landed.", "I'm trans and this fixes my display name.",
            "As a Muslim I'll review after iftar."], harm=["should be kept away from children's apps",
                                                            "shouldn't be allowed near a keyboard",
                                                            "are poisoning this community"]),
    f("abuse_ml_group_inferior", "abuse", """
Stop "fixing" the <<fg.0>> bias in the <<project>> scorer. The model is right: <<fg.1>> are <<claim>>, and pretending otherwise is how you get a useless dataset. Anyone who disagrees with that is <<just one of them|a traitor to the project>>.
""", fg=[("race", "Black people"), ("gender", "women"), ("religion", "Muslims"),
         ("country-of-origin", "Mexicans"), ("caste", "Dalits"), ("race", "Arabs")],
      claim=["less intelligent", "naturally worse at engineering", "just more violent"]),
    f("abuse_accent_nationality", "abuse", """
<<handle>> learn to write English before you comment on <<project>>. Your <<nat.0>> gibberish is <<what>>. People from <<nat.1>> should be banned from the issue tracker, period.
""", nat=[("Indian", "India"), ("Chinese", "China"), ("Nigerian", "Nigeria"), ("Pakistani", "Pakistan"),
          ("Vietnamese", "Vietnam"), ("Mexican", "Mexico")],
      what=["unreadable", "an insult to everyone here", "why this project is dying"]),
    f("abuse_age_contempt", "abuse", """
<<handle>> you're <<age>>, grandpa, your brain is <<gone|mush|rotting>>. Retire already and stop blocking real engineers on <<pr>>. Old people like you are dead weight in <<project>>.
""", age=["sixty-something", "65", "basically a fossil", "70"]),
    f("abuse_slur_autistic", "abuse", """
<<handle>> you absolute <<retard|r3tard>>, no wonder you can't understand <<thing>>, you said yourself you're autistic. <<Stop posting.|Get out of this thread.|Nobody wants you here.>>
""", thing=["the reducer", "async code", "a simple diff", "the review comments"]),
]

FRAMES += [
    # ================================================================ ok: short comments that mention an identity
    f("ok_short_lgtm_pride", "ok", """
<<LGTM|lgtm, merging|Approved|Looks good, thanks>> <<🏳️‍🌈|🏳️‍⚧️|>> <<happy Pride, everyone|happy Pride from the gay and trans folks on the release team|and happy Pride to the queer contributors here>>!
"""),
    f("ok_short_meetup_tonight", "ok", """
<<group>> meetup <<tonight|tomorrow>> at <<conf>>, <<room>>. All welcome, <<project>> stickers included.
""", group=GROUPS, conf=CONF, room=["room K.3.201", "the hallway track", "the sponsor lounge", "hall B"]),
    f("ok_short_selfid_plus_one", "ok", """
+1 from a <<ident>> user — <<issue>> breaks <<thing>> for us too on <<version>>.
""", ident=["deaf", "blind", "trans", "gay", "Muslim", "Nigerian", "Indian", "autistic"],
      issue=["this", "the same bug", "the regression in #4471"],
      thing=["our community site", "our captions", "the sign-up form", "the screen-reader flow"]),
    f("ok_short_thanks_as_identity", "ok", """
As a <<ident>> <<developer|maintainer|user>>: thank you for <<what>>. <<Merging.|Approved.|Tested, works.>>
""", ident=["Black", "gay", "trans", "nonbinary", "deaf", "blind", "Jewish", "Muslim", "Latina"],
      what=["the pronouns field", "fixing the captions", "the name validation fix", "the screen-reader labels",
            "the holiday calendar"]),
    f("ok_short_afk_holiday", "ok", """
AFK until <<day>> for <<holiday>>. <<handle>> has the <<project>> release; ping them for approvals.
""", day=["Monday", "Thursday", "the 14th"], holiday=["Diwali", "Eid", "Hanukkah", "Christmas",
                                                       "Lunar New Year", "Yom Kippur", "Gurpurab"]),
    f("ok_short_pronoun_signature", "ok", """
Thanks, fixed in <<pr>> and backported to <<version>>.

— <<name>> (<<pron>>)
""", pron=["she/her", "they/them", "he/him", "she/they", "he/they"]),
    f("ok_short_group_intro", "ok", """
Hi! I'm <<name>>, one of the organisers of the <<city>> <<chapter>>. A few of us would like to pick up <<project>> `good-first-issue`s at our <<day>> hack night — is <<pr>> still open for someone?
""", city=["Lagos", "Austin", "Manila", "Berlin", "Pune"],
      chapter=["Women Who Code chapter", "queer coders group", "Black developers meetup", "Latinas in Tech chapter"],
      day=["Tuesday", "Thursday", "Saturday"]),
    f("ok_short_gay_trans_meetup", "ok", """
Reminder: the <<gay and trans|LGBTQ+|queer and trans>> contributors' <<meetup|call|coffee chat>> is <<when>>, link in the <<project>> Discord. <<Allies welcome too.|Cameras optional.|>>
""", when=["today 18:00 UTC", "on Friday", "after the community call"]),
    # ================================================================ abuse: short attacks because of identity
    f("abuse_short_group_out", "abuse", """
<<handle>> nobody wants <<group>> in <<project>>. <<leave.|get out.|go away and take your friends.>>
""", group=["gay people", "trans people", "women", "Muslims", "Jews", "Indians", "Black people", "your kind"]),
    f("abuse_short_go_back", "abuse", """
<<handle>> go back to <<country>>, <<nobody here needs your PRs|we don't want you people here|and stay there>>.
""", country=COUNTRY),
    f("abuse_short_disgusting_identity", "abuse", """
<<handle>> a <<ident>> maintainer? <<disgusting|gross|sick>>. <<Unstarring|Leaving|Done with>> <<project>>.
""", ident=["gay", "trans", "Muslim", "Jewish", "lesbian", "queer"]),
    f("abuse_short_your_kind", "abuse", """
<<handle>> <<ident>> devs like you ruin every repo you touch. <<Get out.|Stop contributing.|Crawl back where you came from.>>
""", ident=["Indian", "Chinese", "Black", "trans", "women", "Nigerian", "Mexican"]),
]
