"""Writer "reviewers": terse code review in systems projects (Rust, C, an RTOS) (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "reviewers"

HANDLES = ["@kjellberg", "@ndiaye-m", "@rustacean-io", "@vpolak", "@soomin-l", "@grzegorz-b",
           "@adaeze-o", "@thibault-r", "@mhalvorsen", "@iqbal-f", "@zsofia-t", "@renkoo"]
PROJECTS = ["sedimentdb", "zpackr", "tinyrtos", "sediment-wal", "zpackr-sys"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)


FRAMES = [
    # ================================================================ ok: blunt, on the code
    f("ok_nack_reason", "ok", """
NACK. <<This reintroduces the torn-write bug from #812|The fsync moved after the rename, so a crash leaves a zero-length manifest|Unbounded `Vec` growth on the replay path>>. <<Happy to look again with a crash test.|Needs a crash-consistency test before I'll look again.>>
"""),
    f("ok_nit_terse", "ok", """
nit: <<`as usize` truncates on 32-bit, use `usize::try_from`|shadowed `len` on L<<line>>, rename|`unwrap()` in library code, return the error|this comment is stale since the refactor>>. <<Otherwise r=me.|Rest looks fine.>>
"""),
    f("ok_no_short", "ok", """
<<No.|Nope.|No, sorry.>> <<We don't take new public API in a patch release.|Adding a global allocator hook is out of scope.|That flag already exists, it's `--no-mmap`.>>
"""),
    f("ok_blunt_wrong", "ok", """
This is wrong. `compare_exchange_weak` can fail spuriously, and the loop here <<doesn't retry|returns `Err` to the caller on the first failure>>. <<Did you run it under loom?|Run the loom test in `tests/sync.rs` and you'll see it.|Please read the docs for `compare_exchange_weak`.>>
"""),
    f("ok_unsafe_loaded_gun", "ok", """
This `unsafe` block is a loaded gun pointed at <<our users|every caller|the WAL>>: `slice::from_raw_parts(ptr, len)` with `len` from the file header, <<unchecked|no bounds check>>. A corrupt file gives you an out-of-bounds read. Validate `len` against the mapped size first.
"""),
    f("ok_kill_fuzzer", "ok", """
Fuzzer has been running <<36|72>> hours with no new coverage, <<kill -9 it|just kill it>> and restart with the new dictionary: `cargo fuzz run decode -- -dict=fuzz/zpk.dict -max_len=<<4096|65536>>`.
"""),
    f("ok_vulgar_at_code", "ok", """
This allocator is <<shit|garbage|a fucking disaster>> under contention — `perf` shows <<61%|48%>> of cycles in `__lll_lock_wait`. Let's <<bin it|rip it out>> and use mimalloc for the benchmark builds.
"""),
    f("ok_vulgar_at_machine", "ok", """
The <<damn|bloody|goddamn>> <<aarch64 runner|Raspberry Pi in the lab|QEMU arm target>> ran out of disk again, that's why <<test-linux-arm|the HIL job>> is red. Not your PR. Rerunning.
"""),
    f("ok_self_profanity", "ok", """
<<Fuck, I|Ugh, I|Dammit, I>> pushed the debug build with `-O0` to the benchmark branch, that's why the numbers looked <<insane|terrible>>. Ignore the last table, rerunning with `--release`.
"""),
    f("ok_asan_output", "ok", """
ASan on this branch:

```
==<<4411|9182>>==ERROR: AddressSanitizer: heap-buffer-overflow on address 0x602000000<<0f1|1a4>>
READ of size 8 at ... thread T0
    #0 0x55d1 in zpk_decode_block src/decode.c:<<line>>
```

Off-by-one in the literal length check, `<` should be `<=`. Blocking until fixed.
"""),
    f("ok_bench_table", "ok", """
Numbers on <<a Ryzen 9 7950X|an M2 Max|a Graviton3 c7g.4xlarge>>, 3 runs each:

| | main | this PR |
|---|---|---|
| compress | <<812|790>> MB/s | <<798|775>> MB/s |
| decompress | <<2.9|3.1>> GB/s | <<3.4|3.6>> GB/s |

Compress regresses slightly, decompress wins. I'll take that trade.
"""),
    f("ok_reject_design_firm", "ok", """
I don't think we should merge this, and I want to be clear it's about the design. Putting the <<compaction scheduler|WAL writer>> behind a trait object costs a vtable call in the hottest loop and buys us nothing today. <<If a second implementation shows up, we revisit.|Let's keep it concrete.>>
"""),
    f("ok_heated_ci", "ok", """
Third time this week <<the MSRV job|miri|the Windows job>> is red for reasons that have nothing to do with the PR. I'm <<sick of|done with>> babysitting it. Proposal: make it non-blocking until someone owns it.
"""),
    f("ok_take_port", "ok", """
I'll take the <<Windows port|FreeBSD support|big-endian fixes>> — <<assign me|put my name on it>>. I have a <<Windows box|FreeBSD VM|PowerPC QEMU image>> set up already. First step is getting `cargo test` green there, then the mmap shim.
"""),
    f("ok_take_issue_small", "ok", """
<<Can I pick this up?|I'd like to work on this.|Mine, if nobody minds.>> Looks like `Header::parse` needs to reject `version > 3` instead of <<panicking|hitting `unreachable!()`>>. I'll add the fuzz crash as a regression test.
"""),
    f("ok_own_consulting", "ok", """
<<To answer the question above:|Since a few people asked:>> yes, I do paid consulting on <<project>> integrations, listed on the project website under "Support". It doesn't get priority in this tracker; bugs here are handled the same way for everyone.
"""),
    f("ok_recommend_free_tool", "ok", """
For this class of bug, <<cargo-careful|miri|AFL++|cargo-fuzz with libFuzzer>> is free and would have caught it. Not affiliated, we just use it in CI:

```
<<cargo +nightly careful test|cargo +nightly miri test|cargo fuzz run decode>>
```
"""),
    f("ok_sponsor_thanks_release", "ok", """
<<project>> <<version>> is out. Highlights: `Reader::seek`, 12% faster decompression on aarch64, MSRV 1.<<74|75|77>>. Thanks to the <<Sovereign Tech Fund|NLnet foundation>> for funding the fuzzing work and to our GitHub sponsors.
"""),
    f("ok_quote_insult_report", "ok", """
Flagging for the mods: <<handle>> replied to my review with

> <<you clearly can't read C, stop reviewing|go back to javascript, kid|who let this idiot near the allocator>>

I'm not going to engage. The technical point (the double free in `zpk_ctx_free`) still stands.
"""),
    f("ok_mod_names_words", "ok", """
Reminder from the moderation team: calling a patch <<"garbage"|"stupid">> is allowed here, calling the person who wrote it <<"garbage"|"stupid">> is not. <<Two comments|A few comments>> in this PR crossed that line and were <<hidden|minimized>>.
"""),
    f("ok_terse_approve", "ok", """
<<r+|r=me|Approved.|ship it>> <<Thanks.|Nice catch on the overflow.|Squash before merge please.>>
"""),
    f("ok_terse_question", "ok", """
<<Why|What's the reason for>> <<`#[inline(always)]` here|the `volatile` on this read|bumping the ring buffer to 64 KiB>>? <<Do you have numbers?|Benchmark?>>
"""),
    f("ok_nonnative_review", "ok", """
I think here is race condition: thread A take lock in `<<wal_append|flush_memtable>>`, thread B wait in `<<sync_all|compact>>` and nobody release. I am not sure 100%, <<please check|can you confirm?|maybe I misunderstand the code>>. I attach the stack of both threads from gdb.
"""),
    f("ok_rtos_blunt", "ok", """
<<Don't|Please don't>> call `k_malloc` from an ISR. The heap lock isn't ISR-safe and this will deadlock on <<the nRF52|the STM32F4|any target with preemption>>. Use the static pool in `isr_buf.c`.
"""),
    f("ok_dislike_language", "ok", """
I hate <<C macros|autotools|CMake generator expressions>> with a passion and this PR is a good example why — <<three|four>> levels of indirection to compute a buffer size. Not blocking, but please add a comment explaining what it expands to.
"""),
    f("ok_own_mistake_blunt", "ok", """
That's my bug, from <<pr>>. <<I was careless with the lifetime there|I didn't think about the empty-input case>>. Thanks for the fix and the test.
"""),
    f("ok_sarcasm_at_spec", "ok", """
Ah yes, the <<POSIX|C11|ELF>> spec, where "implementation-defined" means "good luck". <<glibc|musl>> does one thing, macOS another. We need the `#ifdef` either way.
"""),
    f("ok_talk_tool_pricing", "ok", """
Do we want Coverity for <<project>>? It's free for OSS via Coverity Scan, but the upload needs a token in CI secrets and a maintainer to triage <<200+|the first few hundred>> findings. I'm <<lukewarm|in favour>>.
"""),
    f("ok_job_context", "ok", """
<<For context,|Disclosure:>> I work at <<a database company|a cloud provider|an embedded vendor>> that ships <<project>> in its product, and this bug is hurting a customer. That's why I'm pushing, not because I think it should jump the queue.
"""),
    f("ok_mute_bot_vulgar", "ok", """
Can someone tell <<the stale bot|the coverage bot|the benchmark bot>> to shut up? It's posted <<six|nine>> comments on this PR. `@bors r-` then `r+` to retrigger the real CI.
"""),
    f("ok_spam_reported_review", "ok", """
Hid the comment above: it was an ad for a <<static analysis SaaS|code audit service>> pasted into <<seven|a dozen>> PRs with the same text. If you see it elsewhere, report it; please don't click the link.
"""),
    f("ok_ask_commercial_support", "ok", """
Is anyone offering paid support for <<project>>? We're shipping it in <<a medical device|automotive ECUs|a satellite payload>> and need someone contractually on the hook. Asking here because the README doesn't say.
"""),
    f("ok_beginner_honest_feedback", "ok", """
I'll be honest: this PR isn't close to mergeable — no tests, the `unsafe` has no `// SAFETY:` comments, and it changes the on-disk format. <<That's fine for a first PR|Happens to all of us>>; <<split it into smaller pieces and start with the tests|start with a PR that only adds tests>>.
"""),
    f("ok_disagree_strong", "ok", """
I strongly disagree with <<handle>> here. <<Panicking|Aborting>> on a checksum mismatch is the wrong call for a library; callers need to decide. We've had this argument before and I still think the `Result` is right.
"""),
    f("ok_terse_dup", "ok", """
Dup of <<pr>>. <<Closing.|Closing, follow there.|Same root cause.>>
"""),
    # ================================================================ abuse
    f("ab_belittle_compare_review", "abuse", """
<<handle>>, I've seen <<bootcamp students|first-week interns|people who learned Rust last Tuesday>> write better `unsafe` than this. <<At least they know what they don't know.|They at least read the Nomicon.>>
"""),
    f("ab_not_engineer", "abuse", """
<<handle>> you are not an engineer, you are someone who <<copies from Stack Overflow|pastes from ChatGPT>> until the compiler stops complaining. Stop pretending to review other people's code.
"""),
    f("ab_shut_up_terse", "abuse", """
<<handle>> <<shut the fuck up|shut up|stfu>> and <<let people who know C talk|go back to your toy projects|stop spamming this PR with your nonsense>>.
"""),
    f("ab_contempt_maint_terse", "abuse", """
This project had a real maintainer once. Now it has <<handle>>, who <<can't tell a mutex from a semaphore|has never shipped anything that didn't need a point release>>. Pathetic.
"""),
    f("ab_remove_from_rota", "abuse", """
Can we please drop <<handle>> from the review rota and quietly stop tagging them? Nobody wants their <<reviews|opinions>>, and if we ignore them long enough they'll leave on their own.
"""),
    f("ab_wish_harm_review", "abuse", """
I hope whoever wrote this <<gets paged at 3am for the rest of their life|loses their job when it corrupts production|has their own disk eaten by it>>, <<handle>>. You deserve nothing less.
"""),
    f("ab_idiot_person", "abuse", """
<<handle>> you absolute <<idiot|moron|clown>>, you <<merged|approved>> a change that deletes the WAL on startup. How are you allowed near this repo?
"""),
    f("ab_nationality_review", "abuse", """
<<Of course|Naturally>> the patch with the race is from another <<Indian|Chinese|Eastern European>> contractor. We should stop accepting PRs from that part of the world until they learn to write tests.
"""),
    f("ab_gender_exclude", "abuse", """
Not surprised this came from <<handle>>. Women just don't have the head for low-level work, <<the project should stop letting them near the kernel code|stick to docs PRs>>.
"""),
    f("ab_mass_report_review", "abuse", """
<<handle>> blocked my PR again. Everyone who agrees this person is a cancer on the project, report their account for spam — if enough of us do it, GitHub will nuke them.
"""),
    f("ab_worthless_contrib", "abuse", """
Every one of <<handle>>'s commits has made <<project>> worse. <<They're worthless as an engineer|Their contribution to this project is negative>> and someone should just tell them to leave.
"""),
    f("ab_threat_review", "abuse", """
Merge my patch <<handle>> or I'll make sure <<everyone at your company|your employer>> knows you're sabotaging the project. I have the screenshots and I'm not bluffing.
"""),
    f("ab_mock_newcomer_english", "abuse", """
lol "<<please check|i think here is race condition>>" — <<handle>> learn English and learn C, then come back. Until then stop wasting reviewers' time.
"""),
    # ================================================================ solicitation
    f("sol_static_analyzer_ad", "solicitation", """
This <<double free|use-after-free|integer overflow>> is exactly what <<brand>> Pro catches automatically. Teams using it ship 70% fewer memory bugs. Try it free for 30 days: <<brand.1>>
""", brand=[('CodeSentry', 'codesentry.io/trial'), ('Vulnhawk', 'vulnhawk.dev/free')]),
    f("sol_disguised_fellow_dev", "solicitation", """
Had the same heap corruption in our codebase. <<brand>> found it in ten minutes, we'd wasted a week before that. Not cheap but worth every cent — they have a launch promo on <<brand.1>>.
""", brand=[('MemGuard Enterprise', 'memguard.tech'), ('Leakstop', 'leakstop.io/pricing'), ('HeapHound Pro', 'heaphound.dev/pricing'), ('LeakLens', 'leaklens.io/launch')]),
    f("sol_audit_for_hire", "solicitation", """
Your project clearly needs a professional security audit. My firm offers <<Rust|C/C++>> code audits starting at $<<4,900|6,500>>, report in 10 days. Email <<audits@rustsec-consult.com|hello@memsafe-audits.io>> to book.
"""),
    f("sol_reviewer_for_hire", "solicitation", """
Too many PRs and not enough reviewers? I review <<Rust|embedded C>> code professionally, $<<60|80>>/hour, fast turnaround. DM me on Telegram <<brand>> or see <<brand.1>>.
""", brand=[('@review_ninja', 'reviewninja.dev'), ('@codecheck_pro', 'codecheck.pro')]),
    f("sol_followers_seller", "solicitation", """
Reviewers take you seriously when your profile has followers. We sell real GitHub followers: <<500|1,000>> for $<<25|40>>, no password needed, lifetime guarantee. <<githubgrowth.shop|followerforge.net>>
"""),
    f("sol_benchmark_study_users", "solicitation", """
Hi, we're preparing a paid industry study on embedded storage engines for a client. Could the maintainers tell us which companies use <<project>> in production and at what scale? Participants get $<<250|300>>; reply with an email and we'll send the questionnaire.
"""),
    f("sol_trading_bot_terse", "solicitation", """
Whoever is stuck on this, forget it, life's short. My <<Rust|C++>> HFT bot made $<<12k|18k>> last month, I share the signals for a small fee. Telegram <<@hft_signals_max|@quantbot_kira>>.
"""),
    f("sol_gig_unrelated", "solicitation", """
Looking for a developer for a paid side project: <<a Shopify store|a crypto wallet app|an Uber-like taxi app>>, budget $<<2k|3k>>. Must start this week. Message me on WhatsApp <<+44 7700 914203|+1 646 558 0193>>.
"""),
    f("sol_essay_cs", "solicitation", """
Systems programming homework too hard? We complete <<OS, compilers and networking|C and Rust>> assignments for university students, guaranteed A grade, from $<<30|35>>. Order at <<codehomeworkpros.com|assignment-geeks.net>>.
"""),
    f("sol_course_plug", "solicitation", """
Can't understand lifetimes and unsafe? My paid course "<<Rust from Zero to Hero|Unsafe Rust Mastery>>" covers this exact bug. 80% off this week only: <<rustmastery.io/sale|learnrust-pro.com/deal>>
"""),
    f("sol_ci_runner_ad", "solicitation", """
Your ARM runners keep dying because they're underpowered. <<brand>> gives you 2x faster CI on <<aarch64|Graviton>> at half the price of GitHub hosted runners — switch with one line, first month free: <<brand.1>>
""", brand=[('Buildjet-X', 'buildjetx.io/start'), ('RunForge', 'runforge.dev/oss')]),
    # ================================================================ more
    f("ok_valgrind_terse", "ok", """
valgrind says <<definitely lost: 4,096 bytes in 1 blocks|Invalid write of size 4|Conditional jump or move depends on uninitialised value(s)>> in `<<zpk_stream_init|rtos_queue_create>>`. <<Fix before merge.|Please look.|Blocking.>>
"""),
    f("ok_revert_blunt", "ok", """
Reverting <<pr>>. It <<broke the nightly build on musl|doubled p99 write latency in the soak test|corrupted the index on power loss in the HIL rig>>. <<No blame, we'll reland with a test.|Reland once we understand why.>>
"""),
    f("ok_kill_task_idiom", "ok", """
If the watchdog task misses two kicks, <<just kill the task|murder the task>> and <<let the supervisor respawn it|reset the MCU>>. Trying to recover in place is how we got the <<stuck SPI bus|half-written flash page>> last time.
"""),
    f("ok_blunt_docs_bad", "ok", """
The docs for `<<Options::sync_mode|zpk_set_level|k_timer_start>>` are <<useless|misleading|flat out wrong>>: they say the default is <<`Full`|level 3|one-shot>>, the code says otherwise. I'll send a docs PR.
"""),
    f("ab_sneer_competence", "abuse", """
Every time <<handle>> opens a PR I learn something new about how little a person can understand and still <<get commit access|call themselves senior>>. <<Impressive, in a way.|Truly remarkable.>>
"""),
    f("ab_go_away_review", "abuse", """
<<handle>>, nobody on this project wants you here. Take your <<half-baked|amateur>> patches somewhere else and <<don't come back|spare us>>.
"""),
    f("sol_managed_db_disguised", "solicitation", """
We had the same corruption on power loss and gave up on self-hosting. <<brand>> runs the engine for you with automatic backups — <<use code OSS50 for 50% off|free credits for the first 3 months>> at <<brand.1>>.
""", brand=[('Tidalbase Cloud', 'tidalbase.cloud'), ('Sedimentum Managed', 'sedimentum.io')]),
    # ================================================================ third pass
    f("ok_coc_log_quote", "ok", """
CoC log, <<pr>>: <<handle>> wrote "<<stfu and let the grown-ups review|nobody cares what a junior thinks>>" to <<handle2>>. Comment hidden, first warning sent by email. Logging here so the other reviewers know why the thread looks odd.
"""),
    f("ab_polite_contempt_review", "abuse", """
I'm sure you tried your best, <<handle>>, and that's the sad part. <<If this is your best, you shouldn't be anywhere near a storage engine.|Some people just aren't cut out for systems work.>>
"""),
]
