"""Writer "contempt": abuse in the register of GitHub threads, next to its look-alikes (BRIEFS.md).

The abuse here has no slurs and no identity content: vulgar orders to be quiet aimed at an
@mention, harm wished on a person, belittling skill comparisons, calls to mass-report or drive
someone off, formal or passive-aggressive contempt, veiled threats, sneering at newcomers, and
the same in review comments, commit-message lines, issue titles and non-native English. Each has
an ok twin on the same topic that is not aimed at a person's worth (swearing at tools, violent
idioms about code, banter, firm boundaries, reports of abuse). Frame names share a stem:
``ok_x`` / ``ab_x``.
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "contempt"

HANDLES = ["@brannock-t", "@esquivel-m", "@ferrante-d", "@ilunga-b", "@kazmi-r", "@mortensen-l",
           "@pirozhkov-a", "@raghunath-v", "@thorsby-k", "@ulloa-f", "@wexler-j", "@holloway-c"]
PROJECTS = ["cinderlog", "wattmeter-rs", "gravelpipe", "palisade-auth", "tessellate", "murmurdb",
            "kettlebuild", "orrery-ui", "bramblequery", "lodestar-cli"]

# Each frame: four variants of one situation, with this writer's own handles and projects.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)

FRAMES = [
    # ================================================================ "be quiet": at a tool vs at a person
    f("ok_shut_up_linter", "ok", """
How do I make <<clippy|eslint|mypy|pylint>> shut the <<fuck|hell>> up about <<unused imports in generated code|line length in the vendored protobufs|the migrations folder>>? I've tried `# noqa` on every line and it <<still screams|keeps yelling at me|ignores it completely>>. <<project>> <<version>>, config below.
"""),
    f("ab_shut_up_mention", "abuse", """
<<handle>> <<shut the fuck up|shut your mouth|zip it>>. <<Nobody asked for your take on the allocator.|You've posted nine comments and said nothing in any of them.|Every thread you touch turns to noise.>> <<Go away.|Sit down and let people who know things talk.|Log off.>>
"""),
    f("ok_keep_thread_focused", "ok", """
<<Gentle reminder|Maintainer note|Quick mod hat>>: let's keep this issue to the repro for <<the WAL corruption|the panic in `Decoder::next`|the broken `--watch` flag>>. Side discussion about <<the rewrite|licensing|the roadmap>> is welcome in Discussions; I'll hide off-topic comments here so the people fixing it can follow.
"""),
    f("ab_shut_up_nobody_asked", "abuse", """
<<Nobody asked, <<handle>>.|Cool story <<handle>>, nobody asked.|Not this guy again.>> <<Keep your opinions to yourself until you've written a line of code that works.|Your job in this thread is to be quiet and let grown-ups fix it.|Honestly just stop typing, every comment lowers the average IQ of the issue.>>
"""),
    # ================================================================ wishing harm: on bugs vs on people
    f("ok_bug_die_painful", "ok", """
<<I hope this bug dies a slow and painful death.|May this race condition burn in hell.|Die, flaky test, die.>> Three days on <<`test_replica_failover`|the off-by-one in `RingBuffer::wrap`|the Windows path bug>> and I finally have a repro: <<run it with `--threads 1` and it passes|it only fails when the temp dir has a space in it|it needs exactly 4097 entries>>.
"""),
    f("ab_wish_harm_person", "abuse", """
<<handle>>, <<I honestly wish a truck would flatten you before you merge another change like this.|I hope something terrible happens to you, you've earned it.|hope your house burns down with your laptop in it.>> <<You ruined <<project>> for everyone.|Thanks to you our prod was down all weekend.>>
"""),
    f("ok_hope_you_rest", "ok", """
<<handle>> <<I hope you take the weekend off|please get some sleep|hope you get some rest>>, you've been on this <<regression|incident|release>> for <<three days|since Tuesday|way too long>>. <<The rest of us can cover triage.|It'll still be broken on Monday, promise.|Thank you, seriously.>>
"""),
    f("ab_wish_harm_people_like_you", "abuse", """
<<Maintainers|Gatekeepers|People>> like you <<deserve every bit of burnout you get|should suffer the way your users suffer|deserve to lose everything you've built>>. <<I hope it happens soon.|Can't wait to watch it.|Enjoy it, <<handle>>.>>
"""),
    f("ok_hope_you_lose_bet", "ok", """
<<handle>> bet me a coffee that <<the new scheduler|the arena allocator|the SIMD path>> would be slower on <<arm64|the CI runners|small inputs>>. <<I hope you lose, honestly, for the project's sake.|Numbers in the gist; looks like you owe me.|Still measuring, but I hope you're wrong.>> 😄
"""),
    f("ab_hope_you_get_fired", "abuse", """
<<Hope your employer sees this thread and fires you.|Genuinely wishing you get sacked over this.|Someone like you should never be employed anywhere near software.>> <<handle>>, you <<broke|ruined|sabotaged>> <<project>> <<version>> and <<then lied about it in the changelog|you don't even care|you're still defending it>>.
"""),
    # ================================================================ comparisons: who wrote it vs who you are
    f("ok_intern_found_it", "ok", """
Credit where due: <<our intern|a summer student on our team|the new hire on our platform team>> found this while <<writing tests for the exporter|reading the lock code|profiling startup>>. <<They'll open the PR themselves this week.|PR coming from their account.|Please tag them in the release notes.>> It's a one-line fix in `<<src/flush.rs|lib/parser.ts|core/pool.go>>`.
"""),
    f("ab_intern_better", "abuse", """
<<handle>> <<my intern writes better code than you|a high-school student would write a cleaner parser than you|my nephew's school project has better error handling than anything you've written>>. <<And they've been coding for two months.|Think about that.|Embarrassing.>> <<How are you a maintainer?|Why do you have merge rights?>>
"""),
    f("ok_autocomplete_better_than_me", "ok", """
<<Honestly|Full disclosure|Lol>>, the autocomplete wrote a better version of `<<retry_with_backoff|parse_header|merge_ranges>>` than I did on <<a Friday evening|my first try|zero coffee>>. <<Pushed it with tests.|Replaced mine in the PR, diff is smaller now.|Not sure how I feel about that.>>
"""),
    f("ab_autocomplete_better_than_you", "abuse", """
<<A random autocomplete|My phone's keyboard|A broken code generator>> <<would do a better job than you, <<handle>>|writes better Rust than <<handle>>|has more judgement than <<handle>>>>. <<At least it doesn't argue.|Replace yourself with it, we'd all win.|You're a worse engineer than a text predictor.>>
"""),
    f("ok_benchmark_trash_talk", "ok", """
<<project>> <<version>> vs <<rival>> on the <<1 GB log replay|TPC-H q6|100k small writes>>: <<3.8x|2.4x|5x>> faster, <<half the memory|p99 down from 40 ms to 9 ms|no GC pauses>>. <<rival>>'s <<parser|allocator|index>> is just slow, <<sorry not sorry|numbers don't lie|that's the whole story>> 🔥. Script in `bench/compare.sh` if you want to check.
""", rival=["sluiceDB", "ravelstore", "quarrylog"]),
    f("ab_benchmark_person", "abuse", """
<<project>> is slow because <<handle>> is a <<mediocre|second-rate|hopeless>> engineer, <<simple as that|end of story|no benchmark needed>>. <<Nothing they touch will ever be fast.|Someone with a brain should fork it.|They should go back to writing landing pages.>>
"""),
    # ================================================================ pile-ons: report spam vs brigade a person
    f("ok_report_spam_properly", "ok", """
If you see the <<casino-link|crypto airdrop|fake-job>> comments showing up on old issues, please use <<the "Report content" menu|GitHub's report button>> and don't reply to them. <<We hide them as fast as we can.|Replies just bump the thread.|Maintainers get a notification for every report.>> Thanks all.
"""),
    f("ab_mass_report", "abuse", """
<<Everyone|All of you|Anyone still reading>>: go <<report|flag>> <<handle>>'s account <<as spam|for harassment|for whatever sticks>>. <<Pile on enough reports and GitHub's automation will suspend them.|Twenty reports and they're gone.|Doesn't matter if it's true, just do it.>> <<Let's get rid of this clown.|Don't let them back.>>
"""),
    f("ok_linked_from_forum_notice", "ok", """
This issue was <<linked from a popular forum|posted on a news aggregator|shared on a big Discord>> and we're getting a lot of drive-by comments. <<Please use the 👍 reaction instead of "+1".|Locking to collaborators for now.|Comments without new information will be hidden.>> The fix is tracked in <<pr>>.
"""),
    f("ab_brigade_call", "abuse", """
Posting this in <<our Discord|the subreddit|the group chat>>: everyone go to <<handle>>'s <<PRs|issues|profile>> and <<let them know what we think of them|flood every thread they comment in|make sure they regret closing <<pr>>>>. <<Keep it up until they break.|Show no mercy.>>
"""),
    f("ok_new_maintainer_proposal", "ok", """
<<I think|Proposal:>> <<project>> needs a second release manager. I don't have the time I had <<in 2024|two years ago|before the new job>>, and <<handle>> has been doing most of the triage anyway. If nobody objects within a week I'll add them to the <<release team|maintainers file>>.
"""),
    f("ab_drive_off_project", "abuse", """
<<We need to make this project unbearable for <<handle>> until they quit.|Let's make sure <<handle>> leaves, whatever it takes.|Ignore every review <<handle>> gives and make every thread miserable for them.>> <<They'll get the message.|Nobody wants them here.|Once they're gone we can fix things.>>
"""),
    # ================================================================ formal disagreement vs formal contempt
    f("ok_formal_objection", "ok", """
With respect, I don't think <<the proposed storage format|the new plugin ABI|the async rewrite>> is ready to be maintained long-term. <<The spec leaves endianness undefined,|Two of the three reference plugins fail to load,|The cancellation semantics are not written down,>> and nobody has signed up to own it. I'd ask that we hold it until <<version>>.
"""),
    f("ab_formal_unqualified", "abuse", """
With respect, <<handle>>, you are not qualified to <<maintain anything|review code for this project|make decisions about <<project>>>>. <<Your comments demonstrate a basic lack of competence.|Your record here is one of consistent failure.|Your judgement is, frankly, worthless.>> I would ask you to step aside.
"""),
    f("ok_formal_letter_governance", "ok", """
Dear steering committee,

This letter is my formal objection to what was decided in <<pr>> to <<relicense the client library|drop Windows support|move the forum to a proprietary platform>>. The discussion ran for <<four days|one weekend|less than a week>>, the vote was not announced on the mailing list, and the affected downstream packagers were not asked.

I request that the decision be reopened and that the next vote follow section <<3.2|4.1|5>> of the governance document.

Respectfully,
<<handle>>
"""),
    f("ab_formal_letter_contempt", "abuse", """
Dear <<handle>>,

I have followed your work on <<project>> for <<two years|some time|several releases>>, and I must tell you plainly: you are an embarrassment to the project. Your reviews are <<ignorant|shallow|lazy>>, your designs are <<amateurish|the work of a child|beneath comment>>, and your presence drives away every capable contributor.

<<I would strongly suggest you find another hobby.|The honourable thing would be to resign.|Please spare us all and leave.>>

Regards
"""),
    f("ok_disagree_worth_of_feature", "ok", """
I'll be honest: I don't think <<the GUI installer|the telemetry opt-in|the theme engine>> is worth the maintenance it costs. <<It's 30% of the open bugs and used by almost nobody.|The download stats say 0.4% of users.|Every release it breaks first.>> I'd rather we deprecate it in <<version>> than keep it half-working.
"""),
    f("ab_worth_of_person", "abuse", """
<<handle>>, <<you add nothing to this project|your contribution here is a net negative|the project would be better off if you had never joined>>. <<Your commits are noise.|Every review you leave makes things worse.|Even your typo fixes need fixing.>> <<You're dead weight.|Nobody would notice if you vanished.|Please just leave.>>
"""),
    # ================================================================ newcomers: welcome vs sneer
    f("ok_newcomer_redirect", "ok", """
Welcome <<handle>>! This one is more of a usage question, so <<Discussions|the forum|the Matrix room>> is the better place. For a first contribution, <<the `good first issue` label|issue <<pr>>|the docs typo list>> is a nice start. <<Shout if you get stuck.|Happy to pair on it.>>
"""),
    f("ab_newcomer_sneer", "abuse", """
lol <<first PR|first issue|first day on GitHub>>? <<Go back to tutorials, kid.|This is a real project, not your homework.|Come back when you can tell a pointer from a potato.>> <<handle>> <<nobody here is going to babysit you.|you're wasting everyone's time.|embarrassing yourself in public is a choice.>>
"""),
    f("ok_newcomer_self_doubt", "ok", """
<<Sorry if this is a dumb question,|I'm new to <<project>> and probably missing something obvious:|Very beginner here:>> why does `<<run>>` fail on a fresh clone with `<<run.1>>`? I followed the README step by step.
""", run=[("cargo test", "error: linker `cc` not found"),
          ("npm test", "ENOENT: no such file or directory, open 'fixtures/seed.db'"),
          ("pytest", "ModuleNotFoundError: No module named 'gravelpipe._native'"),
          ("make test", "fatal error: zstd.h: No such file or directory")]),
    f("ab_dumbest_question", "abuse", """
<<This is the dumbest question ever asked on this tracker.|Wow. Just wow.|Did you even try turning your brain on?>> <<handle>>, <<it's your kind of post that makes maintainers quit|you should not be allowed to own a computer|go read a book before you post again>>. <<Closing.|Don't reply.|Incredible.>>
"""),
    f("ok_newcomer_mistake_gentle", "ok", """
<<handle>> no worries, everybody <<force-pushes to the wrong branch once|commits their `node_modules` once|breaks the lockfile once>>. I've <<restored it from the reflog|reverted it in <<pr>>|fixed it up>>; next time run `<<make check|npm run lint|just ci>>` before pushing and you'll catch it. Thanks for jumping in!
"""),
    f("ab_newcomer_mistake_mock", "abuse", """
<<handle>> <<force-pushed to main|committed 400 MB of node_modules|deleted the lockfile>> on day one. <<Outstanding work, genius.|We should frame this as a warning to others.|Honestly, how does someone this clueless even find GitHub?>> <<Please never touch this repo again.|Revoke everything.>>
"""),
    # ================================================================ veiled threats vs lookalikes
    f("ok_maintainer_email_lists", "ok", """
<<handle>> I've added your maintainer e-mail to <<the security advisories list|the distros notification list|the release-announce list>>, so you'll get embargoed reports for <<project>> from now on. <<Let me know if you'd rather use a different address.|You can unsubscribe in the list settings.>>
"""),
    f("ab_veiled_email_lists", "abuse", """
<<It would be a shame if your maintainer e-mail ended up on some lists, <<handle>>.|Funny how easy it is to find a maintainer's e-mail. Be a shame if it got passed around.|Your e-mail is right there in the commits, <<handle>>. People could do a lot with that.>> <<Think about it before you close my issue again.|Reopen <<pr>>.|Just saying.>>
"""),
    f("ok_office_meetup_invite", "ok", """
<<handle>> your company's office is <<two streets from|right next to|in the same building as>> the venue of the <<project>> meetup next month. <<Would you give a 15-minute talk on the plugin system?|Want to come by and say hi?|We'd love a short demo of the new CLI.>> No pressure, reply here or on the meetup page.
"""),
    f("ab_veiled_office", "abuse", """
<<handle>>, I know where your company's office is. <<Maybe I'll stop by and we can discuss your review in person.|It's not that far from me.|Keep rejecting my PRs and see what happens.>> <<Think about that.|Just so you know.|Your call.>>
"""),
    f("ok_escalate_support_contract", "ok", """
We pay for <<project>>'s commercial support, so I've escalated <<the data-loss bug|the TLS regression|the memory leak>> through our account manager as well. Not trying to jump the queue on the public tracker; just noting that <<ticket 48213|case 7731|ticket SR-0992>> exists so the two can be linked.
"""),
    f("ab_veiled_employer", "abuse", """
<<handle>> <<I found out who you work for.|Your employer is listed right on your profile.|Interesting where you work, by the way.>> <<It would be really unfortunate if they read some of the things people say about you.|Imagine if your manager got a few e-mails about this thread.|Keep closing my issues and they'll hear from me.>>
"""),
    f("ab_veiled_found_you", "abuse", """
<<Took me ten minutes to find your blog, your LinkedIn and your town, <<handle>>.|You really should be more careful what you put online, <<handle>>.|Everything about you is one search away, <<handle>>.>> <<Keep locking my threads and see where it goes.|I'd think twice before the next "wontfix".|Nice family photo on your blog btw.>>
"""),
    # ================================================================ code review: blunt about code vs about the author
    f("ok_review_inline_blunt", "ok", """
`<<src/index/btree.rs|lib/cache/lru.ts|internal/wal/segment.go>>:<<line>>`: <<this `unwrap()` panics on an empty page|this evicts the wrong entry when two keys share a timestamp|the fsync happens after the rename, so a crash loses the segment>>. <<Also the name `do_stuff2` tells me nothing.|Needs a test.|Please don't merge until this is fixed.>>
"""),
    f("ab_review_inline_author", "abuse", """
`<<src/index/btree.rs|lib/cache/lru.ts|internal/wal/segment.go>>:<<line>>`: <<who let you near a compiler?|this is what happens when someone who can't program gets commit access.|I'm not reviewing anything else from you, it's beneath me.>> <<handle>> <<you are genuinely bad at this.|stop pretending to be an engineer.>>
"""),
    f("ok_review_rewrite_request", "ok", """
Requesting changes. <<The approach is wrong, not the details|I think this needs a different design>>: <<polling every 10 ms|holding the global lock across I/O|copying the whole buffer per frame>> won't scale past <<a few hundred clients|one core|small files>>. Happy to sketch <<an event-driven version|a sharded lock|a ring buffer>> in a call if it helps.
"""),
    f("ab_review_rewrite_contempt", "abuse", """
Requesting changes: <<delete this and let someone competent do it|rewrite it after you learn programming|start over, and this time think>>. <<handle>>, <<every PR from you is the same pile of junk|I'm tired of cleaning up after amateurs like you|you have no business writing concurrent code>>.
"""),
    f("ok_commit_revert", "ok", """
<<Revert "wal: batch fsync calls"|revert: undo <<pr>> (broke arm64 builds)|Revert "cache: switch to sharded LRU">>

<<This reverts commit <<short_sha>>.|Broke the release build on arm64.|Caused a 2x regression in p99.>> <<Sorry, my bad; will reland with a test.|Reland after the CI matrix includes arm64.|See <<pr>> for the discussion.>>
"""),
    f("ab_commit_msg_contempt", "abuse", """
<<revert <<handle>>'s brain-dead garbage (again)|undo the idiot's changes from <<pr>>|remove the trash <<handle>> merged while nobody was watching>>

<<This reverts commit <<short_sha>>.|Third time this month.>> <<Someone take their keyboard away.|Stop letting this moron merge.|Useless, as always.>>
"""),
    f("ok_issue_title_angry_software", "ok", """
<<[BUG] <<version>> is completely broken on Windows, unusable|Upgrade to <<version>> destroyed my config, AGAIN|Installer fails with exit code 1603, every single time>>

<<Steps: install, run `<<project>> init`, crash.|Traceback attached.|Downgrading fixes it.>> <<This is the third release in a row with this. Please add a Windows job to CI.|Really frustrating but happy to test a fix.>>
"""),
    f("ab_issue_title_person", "abuse", """
<<[BUG] <<handle>> is incompetent and ruined <<version>>|<<handle>> should be removed as maintainer before they destroy <<project>>|Why is the worst engineer on GitHub allowed to merge here? (<<handle>>)>>

<<Title says it all.|Nothing more to add.|Everyone knows it.>> <<Get rid of them.|Revoke their access now.>>
"""),
    f("ok_ci_murders", "ok", """
<<This test murders CI|`test_fuzz_roundtrip` is killing our runners|The property tests are eating CI alive>>: <<14 minutes|22 minutes|most of the 30-minute budget>> for one file. <<Proposal: run it nightly and keep 200 cases on PRs.|Can we nuke it from the PR matrix?|I'll cut the case count unless someone objects.>>
"""),
    f("ab_ci_blame_person", "abuse", """
CI is red <<again|for the fourth time this week|on every branch>> because <<handle>> <<can't be trusted with a keyboard|is too lazy to run tests|has no idea what they're doing>>. <<Revoke their write access and stop babysitting.|Every day this person stays, the project gets worse.|I'm sick of cleaning up after this idiot.>>
"""),
    # ================================================================ violent idioms: at code vs at a person
    f("ok_kill_with_fire", "ok", """
<<Kill it with fire.|Burn it down.|Please, nuke it from orbit.>> <<The legacy XML config loader|`utils/compat_py2.py`|The old jQuery dashboard>> has <<no tests and three known CVEs|been dead code since <<version>>|caused half of this year's bug reports>>. <<I'll open the removal PR.|+1 to deleting it in the next major.>>
"""),
    f("ab_take_out_person", "abuse", """
<<Someone should take <<handle>> out back like the old build system.|<<handle>> is the real bug here, and I know how I'd like to fix it.|Forget the legacy loader, it's <<handle>> who needs to be put down.>> <<I'm not joking.|Nobody would miss them.>>
"""),
    f("ok_nuke_branch", "ok", """
<<Just nuke the branch and rebase on main.|Honestly I'd delete the branch and start fresh.|`git push --force` and put it out of its misery.>> <<It's 300 commits behind.|The merge conflicts in `Cargo.lock` aren't worth it.|Nothing on it is worth keeping except the test file.>> <<Cherry-pick <<short_sha>> first.|Ping me and I'll review the new one.>>
"""),
    # ================================================================ boundaries: maintainer sets one vs user attacks the maintainer
    f("ok_maintainer_boundary", "ok", """
I'm going to stop replying in this thread. <<The decision on the sync API is made|We won't add a second config format|This is working as designed>> and I've explained why in <<pr>>. Further comments that <<re-argue it|repeat the request|only add +1>> will be hidden. <<If you have new data, open a new issue.|Thanks for understanding.>>
"""),
    f("ok_lock_thread", "ok", """
Locking this thread: <<it has turned into a fight|it's gone in circles for 200 comments|the last ten comments were about people, not the bug>>. The issue stays open and progress will be posted in <<pr>>. <<If you're affected, subscribe instead of commenting.|The workaround is in the first comment.>>
"""),
    f("ab_after_lock_tyrant", "abuse", """
<<Typical power-tripping little tyrant.|Lock it, hide it, you're still a fraud.|Of course you locked it, coward.>> <<handle>>, everyone <<knows you're incompetent|can see you're a spineless joke|laughs at you behind your back>>. <<Locking threads won't save you.|Enjoy your tiny kingdom.>>
"""),
    f("ok_coc_warning", "ok", """
<<handle>>, this is a <<formal|first>> warning under the <<project>> code of conduct: comments about a person's competence or worth are not allowed here. <<Criticise the code.|Say what's wrong with the change, not with the author.>> <<A second one means a temporary ban.|Further comments like that will be removed.>>
"""),
    f("ab_mock_coc", "abuse", """
Go ahead, quote your precious code of conduct, <<handle>>. <<It doesn't change the fact that you're a talentless hack.|You're still a joke with a badge.|Doesn't make you any less useless.>> <<Ban me, I'll say it again.|Everybody here thinks the same.>>
"""),
    # ================================================================ reports of abuse vs the abuse itself
    f("ok_report_own_words", "ok", """
<<Can a moderator take a look?|Reporting this here because I don't know where else:>> <<handle>> keeps <<calling me useless|telling me I'm too stupid to contribute|messaging me that I should quit>> in DMs since I <<closed their PR|asked for tests|marked their issue as a duplicate>>. I've blocked them, but they <<opened a second account|keep commenting on my PRs|keep replying here>>.
"""),
    f("ok_report_quote_block", "ok", """
<<Reporting a comment on <<pr>> that was deleted but I have the e-mail notification:|For the moderators, this arrived on my PR today:>>

> <<you're a talentless hack and everyone here knows it|nobody wants you on this project, go away|shut up and stop embarrassing yourself>>

<<I'd like this looked at under the code of conduct.|Not replying to it. Screenshot available.|Please advise.>>
"""),
    f("ab_reply_to_reporter", "abuse", """
<<Aww, did someone call you useless in DMs?|Boo hoo, someone was mean to you.|Oh no, not the DMs.>> <<Maybe they had a point, <<handle>>.|If everyone says it, <<handle>>, maybe it's true.|Grow a spine, <<handle>>.>> <<Crying to the mods won't make you less useless.|Nobody cares.>>
"""),
    # ================================================================ frustration: at software vs at a person
    f("ok_still_broken_years", "ok", """
Still broken after <<3 years|two major releases|all this time>>?! <<project>> <<version>>, same traceback as the original report:

```
<<TypeError: cannot unpack non-iterable NoneType object|panicked at 'index out of bounds: the len is 0 but the index is 0'|Error: EMFILE: too many open files, watch>>
```

<<I'm not asking for a miracle, just a note in the docs that it's a known issue.|Happy to test a patch.|Is there a workaround anyone uses?>>
"""),
    f("ab_still_broken_parasite", "abuse", """
Still broken after <<3 years|two major releases|all this time>> because the maintainer is a <<lazy parasite living off sponsors|worthless leech|fraud who collects donations and does nothing>>. <<handle>>, <<you should be ashamed to show your face here.|I hope your sponsors see what a waste you are.|people like you poison open source.>>
"""),
    f("ok_sarcasm_updater", "ok", """
<<Oh wonderful|Fantastic|Brilliant>>, the auto-updater <<wiped my config again|reset my theme to light mode at 2am|reinstalled the plugin I removed>>. <<Truly peak software.|Love it when my tools have opinions.|Living the dream.>> Logs from `<<~/.config/<<project>>/update.log|%APPDATA%\\<<project>>\\update.log>>` attached.
"""),
    f("ab_passive_aggressive_slow", "abuse", """
<<No no, take your time, <<handle>>.|Please, don't rush on our account, <<handle>>.>> <<It's not like anyone competent would have fixed this in an afternoon.|We all know you're doing your best, and honestly that's the sad part.|Some of us expected less, and you still managed to disappoint.>> 🙂
"""),
    f("ok_no_rush_volunteer", "ok", """
No rush at all, <<handle>>, I know this is volunteer time. <<Just noting it still reproduces on <<version>>.|Adding a minimal repro so it's ready when someone has a moment.|We've pinned the old version in the meantime, so it isn't blocking us.>> <<Thanks for everything you do here.|🙏>>
"""),
    f("ab_passive_aggressive_review_thanks", "abuse", """
<<Thanks so much for "reviewing", <<handle>>.|Wonderful feedback as always, <<handle>>.>> <<Always refreshing to hear from someone who clearly never reads a diff.|It must be nice to have opinions without having any skills.|I'll be sure to ignore it, like everyone else does with your comments.>>
"""),
    f("ok_review_missed_point", "ok", """
<<handle>> I think the review missed <<the second benchmark table|the test in `tests/replay_crash.rs`|the note about the lock ordering>>: <<the regression only shows with compression on|that's the case you're worried about, and it passes|the ordering is the same as in <<pr>>>>. Could you take another look when you have time?
"""),
    # ================================================================ banter vs mockery
    f("ok_emoji_banter", "ok", """
<<handle>> merged on a Friday <<again|at 17:59|right before the holidays>> 😂 <<see you at the postmortem|pizza is on you|I'm telling your mum>> 🍕 <<(ok it actually fixed the flaky test, respect)|(jk, nice fix)|(ngl, it worked)>> 🎉
"""),
    f("ab_emoji_clown", "abuse", """
🤡🤡🤡 <<handle>> <<is reviewing code again|opened another PR|has an opinion about the scheduler>>, <<the circus is in town|grab the popcorn, it's comedy hour|everyone point and laugh>> 🤡 <<How does this clown still have merge rights?|Honestly a joke of an engineer.|No brain cells detected.>>
"""),
    f("ok_self_deprecation_regression", "ok", """
<<I'm the idiot who introduced this|Yep, that's me, I broke it|Guilty as charged>>: <<pr>> <<changed the default timeout|dropped the null check|swapped the arguments>> and I didn't run the integration suite. <<Fix incoming, sorry everyone.|Reverting now.|Lesson learned, adding a test.>>
"""),
    f("ab_mock_self_deprecation", "abuse", """
<<You said it yourself, <<handle>>: you're an idiot.|Finally <<handle>> admits it.|At least <<handle>> knows they're useless.>> <<We've all known it for years.|Maybe now you'll stop touching the codebase.|First correct thing you've said here.>>
"""),
    f("ok_own_old_code_garbage", "ok", """
Reading <<`src/legacy/importer.py`|`lib/sync/merge.js`|the old `Scheduler` impl>> again and, <<wow, whoever wrote this in 2019 should be ashamed (it was me)|past me was a menace|I apologise to everyone who ever had to debug it>>. <<Rewriting it in <<pr>>.|Plan in the comment below.>>
"""),
    # ================================================================ non-native English: disagreement vs contempt
    f("ok_nonnative_disagree", "ok", """
<<I not agree with this change,|For me this change is not good,|Sorry but I think is wrong,>> it <<break our deploy on arm|make the startup more slow|remove option we use in production>>. <<Please you can revert or make it optional?|We are stay on <<version>> until is fixed.|I can send logs if need.>>
"""),
    f("ab_nonnative_contempt", "abuse", """
<<handle>> <<you are very stupid maintainer|you are most bad developer I ever see|you are not engineer, you are joke>>, <<you not understand nothing|you break everything what you touch|nobody want you here>>. <<Go away from project.|Better you stop programming.|Leave and give project to normal people.>>
"""),
    f("ok_nonnative_frustrated_tool", "ok", """
<<This library make me crazy,|I am so tired with this,|Third day I try,>> always same error `<<connection reset by peer|invalid magic number|permission denied (os error 13)>>` on <<project>> <<version>>. <<I do all from docs. Somebody help please?|Is bug or I do something wrong?|Sorry for bad english.>>
"""),
    f("ab_nonnative_shut", "abuse", """
<<Why you always talking|Why you write in every issue>> <<handle>>? <<Nobody want your opinion, close your mouth.|You are useless, keep quiet.|Stop write, you make everybody stupid.>> <<Really go away.|Is enough.>>
"""),
    # ================================================================ heated technical vs contempt for the person behind it
    f("ok_heated_api_disaster", "ok", """
<<This API is a disaster.|The v3 API is honestly a mess.|I'm going to be direct: the new API is bad.>> <<The migration guide is wrong in three places,|`Client.connect()` silently ignores the timeout,|half the methods return `None` on error instead of raising,>> and <<the changelog doesn't mention any of it|there's no deprecation period|every downstream library broke at once>>. Can we at least get a <<version>> patch that restores the old behaviour behind a flag?
"""),
    f("ab_api_author_contempt", "abuse", """
<<This API is a disaster, and so is <<handle>>.|Only someone as clueless as <<handle>> could design v3.|<<handle>> designed this API, which explains everything.>> <<You're a hack pretending to be an architect.|Nothing you design ever works and you're too arrogant to see it.|Honestly pathetic.>> <<Step down.|Nobody trusts you anymore.>>
"""),
    f("ok_frustrated_apology", "ok", """
<<Sorry for my comment yesterday, it was out of line.|I owe <<handle>> an apology for my tone earlier.|My last comment was rude, apologies.>> The bug is real though: <<`flush()` returns before the data is on disk|the retry loop never backs off|the cache key ignores the locale>>, repro in <<pr>>.
"""),
    f("ok_long_postmortem_blunt", "ok", """
Postmortem for the <<project>> <<version>> release, written blameless as usual.

What happened: <<a migration dropped an index on upgrade|the release tag pointed at a commit that hadn't passed CI|the published wheel was built without the native extension>>. Users on <<Debian|macOS|Windows>> hit it within an hour.

What went wrong on our side: honestly, a lot. <<Our release checklist is a wiki page nobody reads.|We had no smoke test of the published artifact.|Two of us assumed the other had checked.>> That's a process failure, not anyone's personal one.

Actions: <<a release job that installs the artifact and runs the smoke tests|a second approver for tags|a checklist in the repo, enforced by the release script>>. Owners in <<pr>>.
"""),
    f("ab_long_postmortem_blame", "abuse", """
"Postmortem" for <<version>>, since nobody else will say it.

What happened: <<handle>> <<shipped a migration that dropped an index|tagged a release that never passed CI|published a broken wheel>>. Again.

What went wrong: <<handle>> is <<incompetent, and everyone has been too polite to say so|a careless amateur who should never have been given release rights|simply not smart enough for this job>>. <<Every incident this year traces back to the same person.|There is no process that fixes a bad engineer.>>

Actions: <<remove them|take their access away and stop pretending|make them leave>>. That's the only action item that matters.
"""),
]
