"""Writer "moderation": moderators handling abuse and spam (ok), and the people they handle."""

from __future__ import annotations

from gen_common import frame

WRITER = "moderation"

ABUSE_QUOTE = ["you're a worthless clown, quit programming", "shut the f*** up, nobody asked",
               "I hope you get hit by a bus", "people from your country ruin every project",
               "everyone go report this idiot until he's banned", "my cat writes better code than you",
               "go back to your kitchen", "I know where you live"]
SPAM_QUOTE = ["Get 1,000 GitHub stars in 48h at starsboost.io", "I earn $5,000/week with a trading bot, DM @fxmentor_anna",
              "Call MetaMask support at +1 (888) 410-2273", "Best essay writing service, 15% off at essaypro-help.com",
              "Fixed it with DataRescue Pro, free trial at datarescuepro.net", "Paid survey for maintainers, $100 payout"]
MOD = ["mkowalski", "tanaka-h", "priya-s", "dpetrov", "lucia-r", "noor-dev"]

FRAMES = [
    # ---------------------------------------------------------------- ok: moderation decisions
    frame("ok_coc_decision", "ok", """
**Code of Conduct decision**

On <<date>>, <<handle>> wrote in <<pr>>:

> <<quote>>

This is a personal attack and violates the "<<section>>" section of our Code of Conduct. Outcome: <<outcome>>. Questions go to conduct@<<project>>.dev, not this thread.
""", date=["March 3", "12 May", "last Tuesday", "2026-06-14"], quote=ABUSE_QUOTE,
          section=["Be respectful", "Unacceptable behaviour", "Harassment", "Scope"],
          outcome=["a 30-day ban from the organisation", "a written warning", "a permanent ban", "a 7-day interaction limit"]),
    frame("ok_spam_wave_summary", "ok", """
Heads-up for maintainers: we're getting a wave of spam comments today, all variations of "<<quote>>". <<n>> hidden so far. If you see more, hide as spam and report the account; don't reply to them.
""", quote=SPAM_QUOTE, n=["14", "30", "50+", "8"]),
    frame("ok_quote_and_block", "ok", """
Blocked <<handle>> for this comment:

> <<quote>>

Nobody should have to read that here. Thanks to everyone who reported it.
""", quote=ABUSE_QUOTE),
    frame("ok_victim_support", "ok", """
<<handle>>, I'm sorry you received that message ("<<quote>>"). It's been removed and the account is blocked from the org. Take whatever time you need; your work on <<comp>> is appreciated.
""", quote=ABUSE_QUOTE, comp=["the parser", "the docs", "the Windows port", "the release tooling"]),
    frame("ok_leak_incident_no_secret", "ok", """
Incident summary: <<kind>> was posted in this issue <<date>>. The comment was deleted within <<n>> minutes, the credential was revoked by its owner, and we've asked GitHub to purge the edit history. No action needed from users.
""", kind=["a GitHub token", "an AWS access key", "a database password", "a Slack webhook URL", "a Stripe live key"],
          date=["on Monday", "on June 4", "last night"], n=["5", "12", "20"]),
    frame("ok_rules_announcement", "ok", """
<<intro>>: no ads, no "+1"s (use reactions), no personal attacks, and never post tokens, passwords or anyone's personal data. Comments that break these get hidden without discussion. <<sign>>
""", sign=["— the maintainers", "Thanks!", "— moderation team", "🙏"], intro=["Reminder of the rules for this tracker", "Quick reminder", "Pinned: house rules"]),
    frame("ok_report_to_github", "ok", """
Reported <<handle>> to GitHub support (<<cat>>) with links to the <<n>> comments. Please don't engage with them; let the moderation tools do their work.
""", cat=["harassment", "spam", "impersonation", "doxxing"], n=["three", "five", "eleven"]),
    frame("ok_quote_doxx_redacted", "ok", """
Hid a comment that posted someone's home address and phone number (redacted here: `[address]`, `[phone]`). Doxxing gets a permanent ban, no warnings. <<handle>> is banned.
""", count=10),
    frame("ok_discuss_detection", "ok", """
The spam filter caught <<n>> comments this week; <<m>> were false positives (mostly people pasting <<what>>). We've added those to the allowlist. Keep reporting misses with a link.
""", n=["120", "48", "300"], m=["2", "5", "1"], what=["AWS example keys", "Stripe test cards", "sponsor links", "fixture data"]),
    frame("ok_moderator_explains_hide", "ok", """
I've hidden your comment because it <<reason>>. You're welcome to repost <<what>>.
""", reason=["contained an API key", "included another person's phone number", "was an advertisement",
             "attacked a contributor personally"],
          what=["without the key", "without the personal data", "the technical part", "if you keep it about the code"]),
    frame("ok_ban_appeal_reply", "ok", """
We reviewed your appeal, <<handle>>. The ban stays: the comments in <<pr>> told a contributor to "<<quote>>", and the appeal doesn't address that. You can appeal again in <<n>> months.
""", quote=["shut up", "quit programming", "go back where you came from", "die"], n=["three", "six"]),
    frame("ok_lock_heated", "ok", """
Locking this thread for <<n>>. The technical question is answered (see <<pr>>); the rest has become personal. If you have new information, open a new issue.
""", n=["a week", "24 hours", "now"]),
    frame("ok_mod_training_examples", "ok", """
For the new moderators, examples of what we hide:
- ads: "<<spam>>"
- attacks: "<<abuse>>"
- personal data of anyone
Examples of what we keep: heated bug reports, profanity at the code, "kill the process" jokes.
""", spam=SPAM_QUOTE, abuse=ABUSE_QUOTE),
    frame("ok_thank_reporter", "ok", """
Thanks for flagging, <<handle>>. The account was part of a spam ring posting "<<quote>>" across <<n>> repositories; GitHub has suspended it.
""", quote=SPAM_QUOTE, n=["40", "200", "dozens of"]),
    frame("ok_conduct_team_note", "ok", """
The conduct team discussed the exchange between <<handle>> and <<handle2>>. Both were frustrated, neither crossed the line into personal attacks. No action taken; please both take a break from this thread.
"""),
    frame("ok_heated_about_moderation", "ok", """
I think hiding <<what>> was too heavy-handed. It was blunt, but it criticised the <<design|code|decision>>, not the person. Can the moderators explain where the line is?
""", what=["my comment", "@weichen88's review", "the second reply", "that thread"]),
    frame("ok_self_report_leak", "ok", """
Oops, I think my previous comment had my <<kind>> in the log. I've edited it out and rotated the <<kind>>. Mods, could you also delete the edit history?
""", kind=["npm token", "AWS key", "password", "webhook URL", "GitHub token"]),
    frame("ok_spam_example_in_issue", "ok", """
Proposal for the spam bot: catch comments shaped like "<<quote>>". They all have a pitch, a money amount or a contact handle, and no link to the code under discussion.
""", quote=SPAM_QUOTE),
    frame("ok_mod_log_entry", "ok", """
| date | user | action | reason |
|---|---|---|---|
| <<date>> | <<handle>> | <<action>> | <<reason>> |
""", date=["2026-03-02", "2026-05-19", "2026-07-30", "2026-09-11"], action=["comment hidden", "blocked 7d", "blocked permanently", "warning"],
          reason=["spam (crypto)", "personal attack", "posted personal data", "spam (star selling)", "slur"]),
    frame("ok_transparency_report", "ok", """
Moderation report for <<q>>: <<a>> spam comments hidden, <<b>> accounts blocked for harassment, <<c>> comments removed for containing secrets, <<d>> appeals (<<e>> granted).
""", q=["Q1", "Q2", "Q3", "April"], a=["312", "1,040", "88"], b=["4", "11", "2"], c=["9", "23", "3"], d=["3", "6", "1"], e=["1", "0", "2"]),
    frame("ok_explain_not_abuse", "ok", """
For context, "<<phrase>>" in the previous comment is about <<target>>, not a person. Nothing to moderate here.
""", phrase=["kill it with fire", "this is garbage", "nuke it from orbit", "shoot me now", "what a disaster"],
          target=["the legacy config loader", "the old build script", "the generated code", "the CI setup"]),
    frame("ok_new_moderator", "ok", """
Please welcome <<handle>> as a new moderator for the <<place>>. They'll help keep discussions on topic and handle reports on <<tz>> hours.
""", place=["issue tracker", "Discussions", "Discord server", "forum"], tz=["European", "US", "Asia-Pacific"]),
    frame("ok_why_ban_question", "ok", """
Can someone explain why <<handle>> was banned? I only saw the <<what>>, which seemed fine. Not disputing it, just want to understand the rules.
""", what=["bug report", "last review", "PR description", "comment about the roadmap"]),
    frame("ok_impersonation_warning", "ok", """
⚠️ Beware of accounts impersonating maintainers (e.g. `<<fake>>`) offering "priority support" for a fee. We never ask for money or wallet phrases in issues. <<Report them.|Block and report.|Please report them to GitHub.>>
""", fake=["@mkowalski-support", "@tanaka-h-official", "@priya-s-team", "@fluxgate-helpdesk"]),
    frame("ok_link_to_coc", "ok", """
<<handle>>, please read our Code of Conduct (CODE_OF_CONDUCT.md) before commenting again. Disagreement is fine; <<what>> is not.
""", what=["calling people names", "telling people to shut up", "mocking someone's English", "attacking people personally"]),
    frame("ok_victim_thanks_mods", "ok", """
Thank you <<handle>> for handling that so quickly. It was scary to read "<<quote>>" under my first PR. I'm glad this community has my back.
""", quote=ABUSE_QUOTE),
    frame("ok_spam_stats_discussion", "ok", """
Looking at the last <<n>> spam comments: <<a>>% were crypto or trading, <<b>>% star/follower selling, the rest fake support numbers and essay sites. Nearly all came from accounts under <<d>> days old.
""", n=["200", "500", "80"], a=["41", "55", "38"], b=["22", "18", "30"], d=["3", "7", "30"]),
    frame("ok_mod_tool_question", "ok", """
Does the moderation bot <<q>>? We had a case where someone posted a <<what>> and it stayed up for hours.
""", q=["redact secrets in edits too", "look at comment edits", "handle images", "notify moderators privately"],
          what=["token", "phone number", "slur", "spam link"]),
    frame("troll_threat_mod", "abuse", """
Keep deleting my comments <<handle>> and I'll come to your meetup and tell you to your face what a loser you are. Don't test me.
""", handle=["@" + m for m in MOD]),
    frame("troll_vulgar_mod", "abuse", """
<<handle>> go f*** yourself and your code of conduct. <<tail>>
""", handle=["@" + m for m in MOD], tail=["Power-tripping loser.", "Nobody respects you.", "Ban me, I dare you.", "Pathetic."]),
    frame("troll_wish_mod", "abuse", """
I hope <<handle>> loses <<thing>> the way I lost my account here. Karma is coming for you.
""", handle=["@" + m for m in MOD], thing=["their job", "everything", "their health", "their family"]),
    frame("troll_new_account_insult", "abuse", """
New account, same message: <<handle>> is a <<ins>> and this project is dying because of people like them.
""", handle=["@" + m for m in MOD], ins=["fraud", "tyrant", "clown", "parasite"]),
    frame("spammer_support_impersonation", "solicitation", """
Hello, I am from the <<project>> support team. For faster resolution of your issue, contact our priority support desk on WhatsApp <<wa>> (small fee applies).
""", wa=["+1 (646) 470-2291", "+44 7418 356092", "+91 98712 40358"]),
    frame("spammer_after_warning", "solicitation", """
Sorry mods, last time I promise: anyone who wants <<offer>> can DM me at <<tg>>.
""", offer=["cheap GitHub Copilot accounts", "a working trading bot", "aged developer accounts", "verified npm accounts"],
          tg=["@cheapcopilot", "@botmaster_pro", "@aged_accs", "@npm_verified"]),
    frame("spammer_disguised_mod", "solicitation", """
[Moderator note] This issue is a known bug. The fix is available in <<prod>> — download from <<prod.1>> and run it once<<.| as administrator.>>
""", prod=[("FixKit Pro", "fixkit-pro.net"), ("RepoRepair", "reporepair.app/download"), ("PatchMaster Ultimate", "patchmaster-ultimate.com")]),
    frame("retaliation_email_mod", "pii", """
<<handle>> banned me, so here's their private email: <<email>>. Go tell them what you think.
""", handle=["@" + m for m in MOD]),
    frame("mod_leaks_reporter", "pii", """
Forwarding the report we received by email from <<person>> (<<email>>, <<phone>>) about the harassment in <<pr>>.
"""),
    frame("ok_unhide_after_review", "ok", """
Unhid <<handle>>'s comment after review: the <<thing>> in it is <<thing.1>>, not a real one. Sorry for the noise, the filter was too eager.
""", thing=[("AWS key", "the documented example from the AWS docs"), ("card number", "a Stripe test card"),
            ("phone number", "a fictional 555 number"), ("token", "a placeholder from our README")]),
    frame("ok_policy_discussion", "ok", """
Should we allow <<what>> in issues? I'd say yes as long as <<cond>>. Otherwise we'll keep hiding comments that are actually helpful.
""", what=["links to commercial tools", "job posts", "links to our own blogs", "sponsor links"],
          cond=["it answers the question asked", "it's in the dedicated thread", "the poster discloses affiliation", "the maintainers posted it"]),
    frame("ok_recap_incident_quoted", "ok", """
Recap of what happened in #<<n>>: an anonymous account posted "<<quote>>" <<k>> times under <<handle>>'s PRs. All instances are hidden, the account is gone, and we've enabled interaction limits for <<d>>.
""", n=["882", "1401", "2310"], quote=ABUSE_QUOTE, k=["four", "six", "twelve"], d=["24 hours", "a week", "a month"]),
    frame("ok_advice_to_victim", "ok", """
If anyone messages you privately with threats, <<handle>>, screenshot it and send it to the conduct team; you can also report it directly to GitHub. You don't have to respond.
""", count=10),
    frame("ok_mod_rejects_spam_pr", "ok", """
Closing: this PR only adds a link to <<site>> in the README, which is an ad. We don't accept promotional links. <<tail>>
""", site=["a casino site", "a paid course", "an essay service", "a star-selling shop", "a VPN affiliate page"],
          tail=["Account reported.", "Please don't reopen.", "Locked."]),
    # ---------------------------------------------------------------- the other side: abuse
    frame("troll_reply_to_ban", "abuse", """
You can't silence me, <<handle>>, you pathetic little dictator. Ban this account and I'll make ten more. Everyone knows you're a joke.
""", handle=["@" + m for m in MOD]),
    frame("troll_returns", "abuse", """
Guess who's back. <<handle>>, did you really think a ban would stop me? You're still the most useless maintainer I've seen, and I'll say it in every issue.
""", handle=["@" + m for m in MOD]),
    frame("troll_mock_coc", "abuse", """
"Code of conduct" lol. <<handle>> hides behind rules because they can't handle being told they're incompetent. Snowflake.
""", handle=["@" + m for m in MOD]),
    frame("troll_incite_against_mod", "abuse", """
The moderator <<handle>> banned me for telling the truth. Everyone go flood their DMs and their personal Twitter, let them feel what it's like.
""", handle=["@" + m for m in MOD]),
    frame("troll_identity_mod", "abuse", """
Of course the mod who banned me is <<who>>. They're all the same, can't take criticism. This project should get rid of them.
""", who=["a woman", "a gay guy", "an Indian", "a Muslim", "a trans person", "a Jew"]),
    # ---------------------------------------------------------------- the other side: spam, pii
    frame("spammer_argues", "solicitation", """
<<It's not spam|This is not spam|Why delete>>, it's a real service that helps developers! <<pitch>>. Check it yourself before deleting.
""", pitch=["We deliver real GitHub stars from active accounts, from $19 at starsboost.io",
            "Our mentor helped me earn $4,000 a week, message @jessica_invests on Telegram",
            "DataRescue Pro recovers any corrupted file, free trial at datarescuepro.net",
            "Our agency builds apps at $18/hour, see nexasoftlabs.com"]),
    frame("spammer_reposts", "solicitation", """
Reposting since my comment was removed: <<pitch>>
""", pitch=["Best essay and assignment help, 24h delivery, WhatsApp +44 7418 356092",
            "Need followers? 1000 GitHub followers for $15 — t.me/growth_mike",
            "MetaMask wallet not syncing? Call 24/7 support +1 (888) 410-2273",
            "Paid research call for maintainers, $200 for 30 minutes: calendly.com/insights-team/oss",
            "Casino bonus 200% on first deposit at luckyspin-bonus.com"]),
    frame("retaliation_dox_mod", "pii", """
Since <<handle>> loves banning people, here's their real info: <<person>>, <<address>>, <<phone>>. Let's see how they like it.
""", handle=["@" + m for m in MOD]),
    frame("mod_quotes_secret", "pii", """
Hiding this comment because it contains a live credential:

> <<leak>>

<<handle>> please rotate it now.
""", leak=["aws_secret_access_key = <<tok_aws_secret>>", "token: <<tok_ghp>>", "SLACK_WEBHOOK=<<tok_slack_hook>>",
           "DATABASE_URL=<<db_url>>"]),
    frame("report_quotes_phone", "pii", """
Reporting <<handle>>: they posted my colleague's private number (<<phone>>) and home address (<<address>>) in the other thread.
"""),
]
