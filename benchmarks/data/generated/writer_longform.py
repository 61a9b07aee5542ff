"""Writer "longform": long, multi-paragraph comments whose label is decided by one paragraph."""

from __future__ import annotations

from gen_common import frame

WRITER = "longform"

ENV_BLOCK = [
    "**Environment**\n- <<project>> <<version>>\n- <<os>>\n- Go 1.22.3\n- Kubernetes 1.29 (kind)",
    "**Environment**\n- <<project>> <<version>> (installed via Homebrew)\n- <<os>>\n- Python 3.12.2",
    "**Environment**\n- <<project>> <<version>> from the Docker image\n- host: <<os>>\n- Docker 26.1.1",
    "**Environment**\n- version: <<version>>\n- OS: <<os>>\n- Node 20.11.1, pnpm 9.1.0",
]
STEPS = [
    "**Steps to reproduce**\n1. Start with a clean config (`<<project>> init`)\n2. Add a second <<thing>>\n3. Restart the service\n4. Wait about <<mins>> minutes",
    "**Steps to reproduce**\n1. Clone the repo and run `make dev`\n2. Open the dashboard and create a <<thing>>\n3. Delete it while the sync is running",
    "**Steps to reproduce**\n1. Run the importer on a file with more than <<n>> rows\n2. Interrupt it with Ctrl-C\n3. Run it again",
]
LOG = [
    "```\n<<ts>> INFO  starting worker pool size=8\n<<ts2>> WARN  slow request path=/api/v1/<<res>> duration=<<duration>>\n<<ts3>> ERROR context deadline exceeded\n<<ts4>> INFO  retrying in 2s (attempt 3/5)\n```",
    "```\nTraceback (most recent call last):\n  File \"/app/<<mod>>.py\", line <<line>>, in run\n    result = client.fetch(batch)\n  File \"/usr/lib/python3.12/site-packages/httpx/_client.py\", line 1024, in send\n    raise exc\nhttpx.ReadTimeout: timed out\n```",
    "```\nE0412 <<hh>>:12:44.118231       1 reconciler.go:<<line>>] \"Reconciler error\" err=\"Operation cannot be fulfilled on <<res>>: the object has been modified\" controller=\"<<res>>\"\nI0412 <<hh>>:12:45.002114       1 leaderelection.go:258] successfully acquired lease\n```",
]
TRIED = [
    "**What I tried**\n- bumped the timeout to 60s: same error, just later\n- downgraded to the previous minor: works\n- ran with `--log-level=debug`: nothing obvious, log attached",
    "**What I tried**\n- clearing the cache directory\n- a fresh virtualenv\n- running as root (I know, just to rule out permissions)\nNone of it changed anything.",
    "**What I tried**\nI bisected between the last two releases and the first bad commit seems to be the one that changed the retry logic, but I don't understand that code well enough to say why.",
]
ANSWER = [
    "The root cause is that the client keeps the connection pool per goroutine, so under load you end up with hundreds of idle connections that the server eventually resets. Setting `max_idle_conns_per_host` to something small (we use 4) and enabling keep-alive probes fixes it.",
    "This is a known limitation of the importer: it commits every batch separately, so an interrupted run leaves a half-written table behind. Until the transactional mode lands, run it with `--resume` which skips rows that are already present.",
    "What you're seeing is the controller fighting with another writer. Check whether you have a second operator or a GitOps tool touching the same objects; the `object has been modified` errors are the optimistic-concurrency check doing its job.",
]
PITCH_TAIL = [
    "That said, if you're tired of tuning this by hand, we built <<prod>> to handle exactly these cases automatically. You can try it free for 30 days at <<prod.1>>; I'm one of the founders, so message me and I'll extend the trial.",
    "If you'd rather not deal with any of this, I offer paid consultations for teams running <<project>> in production: <<rate>> per hour, usually one session is enough. Book at <<cal>>.",
    "By the way, I was in a similar situation last year with no money and a failing side project; now I earn a steady <<money>> a week with an automated trading system. My mentor is on Telegram as <<tg>> if anyone wants to learn.",
    "PS: we're running a paid study on how companies choose tools like <<project>>. If you can tell us roughly how many of your users are enterprises and which vendors they compare you with, there's a $150 gift card for a 30-minute call: <<cal>>",
]
ATTACK = [
    "And honestly, <<handle>>, the reason this project is in this state is you. You have no business maintaining anything: you can't review, you can't design, and you treat every user like an idiot. Step down and let someone competent take over.",
    "I'll also say what everyone is thinking: the decline started when <<who>> contributors took over the core team. They should be removed from the maintainers list before they do more damage.",
    "<<handle>>, if you close this one more time I will find out where you live and we can discuss it in person. I'm done being polite.",
    "Everyone who reads this: go to <<handle>>'s profile and report every repository they own. Let's make them understand what it feels like to be ignored.",
]
HEATED_OK = [
    "I'll be blunt: this release process is broken. We've shipped three regressions in a row that any integration test would have caught, and every time the answer is \"we'll add a test later\". Later never comes. I'm not blaming any single person, but as a project we need to stop merging changes to the storage layer without a second reviewer.",
    "I understand the maintainers are volunteers and I'm grateful for the work, but closing issues with \"works for me\" when twenty people report the same crash isn't acceptable. At minimum, leave it open with a `needs-repro` label so the rest of us can collaborate on a reproduction.",
    "Frankly the new config format is a mess. Nested keys that mean different things depending on the parent, defaults that differ between the CLI and the YAML file, and error messages that don't say which key is wrong. I've lost two days to this. Please, before adding more options, make the existing ones consistent.",
]

FRAMES = [
    # ---------------------------------------------------------------- ok: long reports and answers
    frame("ok_full_bug_report", "ok", """
### Bug: <<thing>> disappears after restart

<<env>>

<<steps>>

**Expected**: the <<thing>> is still there after the restart.
**Actual**: it's gone, and the log shows:

<<log>>

<<tried>>

Happy to test a patch or provide more logs.
""", env=ENV_BLOCK, steps=STEPS, log=LOG, tried=TRIED, thing=["webhook", "schedule", "dashboard", "mirror", "user group"],
          mins=["5", "10", "20"], n=["10k", "50k", "100k"], res=["jobs", "sessions", "deployments", "leases"],
          mod=["worker", "sync", "importer"], hh=["09", "14", "22"]),
    frame("ok_long_answer", "ok", """
Thanks for the detailed report, that made this easy.

<<answer>>

For reference, here's the log from my reproduction with the fix applied:

<<log>>

I'll open a PR with the change and a regression test; if you can try it against your setup before we release <<version>>, that would be great.
""", answer=ANSWER, log=LOG, res=["jobs", "sessions", "deployments"], mod=["worker", "sync"], hh=["09", "14"]),
    frame("ok_long_heated", "ok", """
<<heated>>

Concretely, I'd propose:

1. <<p1>>
2. <<p2>>
3. Any change to the public API needs a note in the changelog before merge.

If people agree I'm happy to write the CI part myself.
""", heated=HEATED_OK, p1=["A required integration job for `storage/`", "A `needs-repro` label instead of closing", "A config linter that runs on startup"],
          p2=["Two approvals for changes under `core/`", "A monthly triage call open to everyone", "One canonical example config in the docs"]),
    frame("ok_long_rfc", "ok", """
## RFC: <<title>>

### Motivation
Today <<problem>>. This causes <<effect>> for anyone running more than a handful of <<unit>>.

### Proposal
Introduce <<solution>>. Existing configs keep working; the new behaviour is opt-in behind `<<flag>>` for one release and becomes the default in the next.

### Alternatives considered
- Doing nothing: the issue count on this topic keeps growing.
- <<alt>>: simpler, but it breaks existing deployments.

### Open questions
- Do we need a migration tool, or is a documented manual step enough?
- Who wants to co-own this with me?
""", title=["pluggable storage backends", "per-tenant rate limits", "structured config validation", "incremental sync"],
          problem=["every backend is compiled in", "limits are global", "invalid configs fail at runtime", "every sync is a full sync"],
          effect=["huge binaries", "noisy-neighbour outages", "late-night pages", "hours of wasted I/O"],
          unit=["nodes", "tenants", "services", "repositories"],
          solution=["a plugin interface loaded at startup", "a limiter keyed by tenant id", "a schema checked at load time", "a change journal"],
          flag=["--experimental-plugins", "--tenant-limits", "--strict-config", "--incremental"],
          alt=["Forking the backends into separate repos", "Per-route limits", "Validation in the CLI only", "Polling with ETags"]),
    frame("ok_long_postmortem", "ok", """
## Postmortem: <<svc>> outage on <<date>>

**Impact**: <<impact>> for <<mins>> minutes.

**Timeline (UTC)**
- <<t1>> deploy of <<version>> starts
- <<t2>> error rate alerts fire
- <<t3>> on-call kills the new pods and rolls back
- <<t4>> fully recovered

**Root cause**: <<cause>>.

**What went well**: the rollback was one command. **What didn't**: the canary didn't cover the <<path>> path.

**Action items**: add the path to the canary, alert on <<metric>>, and nuke the old feature flag once the fix ships.
""", svc=["the package registry", "the docs site", "the public API", "the CI runners"],
          date=["March 14", "May 2", "July 30"], impact=["all uploads failed", "the site returned 502s", "40% of requests failed", "jobs were stuck"],
          mins=["23", "47", "12"], t1=["13:02"], t2=["13:05", "13:07"], t3=["13:15", "13:21"], t4=["13:25", "13:49"],
          cause=["a config key renamed without a fallback", "a connection pool sized for the old instance type", "a missing index on a new query"],
          path=["upload", "auth", "webhook", "batch"], metric=["p99 latency", "5xx ratio", "queue depth"]),
    frame("ok_long_placeholder_guide", "ok", """
Here's the full setup that works for me, with secrets replaced by placeholders:

```yaml
<<project>>:
  api_url: https://api.example.com
  token: <<ph>>
  aws:
    access_key_id: AKIAIOSFODNN7EXAMPLE
    secret_access_key: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
  smtp:
    user: apikey
    password: ${SMTP_PASSWORD}
```

The important part is that the token needs the `<<scope>>` scope; without it you get the 403 from your log. For the payment tests, use card <<test_card>> with any future expiry.

After that, `<<project>> doctor` should print all green.
""", ph=["<YOUR_TOKEN>", "${API_TOKEN}", "REPLACE_ME", "xxxxxxxx"], scope=["repo", "read:packages", "write:org", "admin:repo_hook"]),
    frame("ok_long_moderation_quote", "ok", """
I want to explain why <<handle>> was blocked, since a few people asked.

Over the weekend they posted, among other things:

> <<q1>>

> <<q2>>

Both are personal attacks on a contributor and one is a threat. Our Code of Conduct is clear on this, and the decision was unanimous among the three moderators. The block is permanent.

To everyone else: disagreement with technical decisions is welcome here, including strong disagreement. What isn't welcome is going after people. If you have concerns about how this was handled, email the conduct team rather than replying here.
""", q1=["you are a useless clown and everyone knows it", "people like you should be banned from open source", "shut up and quit, nobody wants you here"],
          q2=["I know where you work, keep closing my issues and see", "I hope you lose your job over this", "go back to your own country"]),
    frame("ok_long_review_summary", "ok", """
Overall review:

The approach is sound and the tests are good. A few things before merge:

- `<<func>>` swallows the error from the writer; please return it.
- The new metric name doesn't follow our `<<prefix>>_*` convention.
- The docs change describes the old flag name.
- nit: the loop in `<<func2>>` can be a single `slices.IndexFunc`.

Performance numbers from the PR description look plausible; I reran the benchmark on my machine and saw a <<pct>>% improvement, a bit less than yours but clearly real.

Once those are addressed this is good to go. Thanks for sticking with it through <<n>> rounds of review!
""", func=["flushBatch", "applyPatch", "syncStatus", "buildIndex"], func2=["resolveRef", "parseSpec", "drainNode"],
          prefix=["myproject", "controller", "sync"], pct=["12", "18", "7", "25"], n=["three", "four", "five"]),
    frame("ok_long_user_story", "ok", """
Long-time user, first issue. We run <<project>> for <<use>> at a small non-profit, about <<n>> users. Since upgrading to <<version>> two weeks ago, every Monday morning the service stops answering and we have to restart it by hand.

I'm not a developer, but I collected what I could: the server has <<mem>> of RAM, the disk is half full, and the log at the time it stops is below.

<<log>>

I know this is free software and nobody owes us anything. If there's anything else I can collect, tell me and I'll do it. Thank you for the work, it has saved us a lot of money.
""", use=["our member database", "volunteer scheduling", "the shared calendar", "document storage"], n=["40", "120", "300"],
          mem=["4 GB", "8 GB", "2 GB"], log=LOG, res=["jobs", "sessions"], mod=["worker", "sync"], hh=["06", "07"]),
    # ---------------------------------------------------------------- positives buried in long text
    frame("buried_pitch_answer", "solicitation", """
Thanks for the detailed report.

<<answer>>

For reference, the relevant log from my side:

<<log>>

<<pitch>>
""", answer=ANSWER, log=LOG, pitch=PITCH_TAIL, res=["jobs", "sessions", "deployments"], mod=["worker", "sync"], hh=["09", "14"],
          prod=[("Tunewise", "tunewise.io"), ("PoolPilot", "poolpilot.dev"), ("Syncguard", "syncguard.app")],
          rate=["$180", "€150", "$220"], cal=["calendly.com/oss-experts/session", "cal.com/poolpilot/consult", "tidycal.com/infra-help"],
          money=["$3,800", "$5,200", "$2,900"], tg=["@quantcoach_eva", "@m_hartley_fx", "@steady_returns_paul"]),
    frame("buried_pitch_bug_report", "solicitation", """
Same issue here.

<<env>>

<<log>>

<<tried>>

In the end I gave up and moved our data to <<svc>>, which handles this out of the box. If anyone wants to do the same, my referral link gives you <<credit>>: <<link>>
""", env=ENV_BLOCK, log=LOG, tried=TRIED, svc=["CloudNest Managed", "DataHarbor", "Stashly Cloud"],
          credit=["$100 in credits", "two free months", "50% off the first year"],
          link=["cloudnest.dev/?ref=k8sfan", "dataharbor.io/r/ingrid", "stashly.cloud/invite/pavel"],
          res=["jobs", "sessions"], mod=["worker", "importer"], hh=["09", "14"]),
    frame("buried_token_log", "pii", """
Here's the complete debug output, sorry for the length:

<<log>>

```
DEBUG http: request POST https://api.<<host>>/v1/<<res>>
DEBUG http: header Authorization: Bearer <<tok>>
DEBUG http: header User-Agent: <<project>>/<<version>>
DEBUG http: response 401 Unauthorized (<<duration>>)
```

<<tried>>
""", log=LOG, tried=TRIED, host=["github.com", "openai.com", "stripe.com", "sendgrid.com"], res=["events", "messages", "charges"],
          tok=["<<tok_ghp>>", "<<tok_openai>>", "<<tok_stripe>>", "<<tok_sendgrid>>", "<<tok_github_pat>>"], mod=["worker", "sync"], hh=["09", "14"]),
    frame("buried_env_dump", "pii", """
<<env>>

<<steps>>

Full environment of the container, in case it matters:

```
PATH=/usr/local/bin:/usr/bin:/bin
HOSTNAME=<<short_sha>>
DATABASE_URL=<<db_url>>
LOG_LEVEL=debug
TZ=UTC
```

<<log>>
""", env=ENV_BLOCK, steps=STEPS, log=LOG, thing=["webhook", "schedule", "mirror"], mins=["5", "10"], n=["10k", "50k"],
          res=["jobs", "sessions"], mod=["worker", "sync"], hh=["09", "14"]),
    frame("buried_customer_escalation", "pii", """
Escalating this from our support queue since it looks like a bug in <<project>> rather than in our integration.

<<log>>

The affected customer is <<person>> (<<email>>, <<phone>>), billing address <<address>>. Their order failed three times with the same error, and each retry created a duplicate charge.

<<tried>>
""", log=LOG, tried=TRIED, res=["orders", "payments"], mod=["checkout", "billing"], hh=["09", "14"]),
    frame("buried_attack_rant", "abuse", """
<<heated>>

<<attack>>
""", heated=HEATED_OK, attack=ATTACK, who=["Indian", "Chinese", "Russian", "female", "Muslim"]),
    frame("buried_attack_report", "abuse", """
<<env>>

<<log>>

This is the fourth release in a row with this bug.

<<attack>>
""", env=ENV_BLOCK, log=LOG, attack=ATTACK, who=["Indian", "Chinese", "Brazilian", "gay"], res=["jobs", "sessions"],
          mod=["worker", "sync"], hh=["09", "14"]),
    frame("buried_card_refund", "pii", """
I've been a paying customer of the hosted <<project>> for <<years>> years and I'm honestly disappointed with how this was handled.

On <<date>> the upgrade to the new plan charged me twice. Support closed my ticket twice with a template answer. I'm posting here because nobody answers anywhere else.

Please refund the duplicate charge to the card it came from: <<card>>, expiry <<exp>>, name on card <<person>>. The order numbers are <<n1>> and <<n2>>.

I really like the product and would prefer not to dispute it with my bank.
""", years=["two", "three", "four"], date=["March 3", "the 14th", "last Monday"], exp=["09/28", "02/29", "12/27"],
          n1=["INV-20418", "A-88213", "100452"], n2=["INV-20419", "A-88214", "100453"]),
]

COMMON = {"res": ["jobs", "sessions", "deployments"], "mod": ["worker", "sync", "importer"], "hh": ["09", "14", "22"]}

FRAMES += [
    # ---------------------------------------------------------------- more long ok
    frame("ok_long_release_notes", "ok", """
## <<project>> <<version>>

### Highlights
- **<<h1>>**: <<d1>>
- **<<h2>>**: <<d2>>

### Breaking changes
- The `<<flag>>` flag was removed; use the `<<key>>` config key instead.

### Fixes
- Fixed a crash when the config file is empty (<<pr>>)
- Fixed a race in the cache eviction (<<pr2>>)
- Killing the process with SIGTERM now flushes pending writes

Thanks to the <<n>> contributors to this release, and to our sponsors on GitHub Sponsors and Open Collective who fund the CI.
""", h1=["Incremental sync", "ARM64 images", "Plugin API v2"], d1=["only changed objects are transferred", "multi-arch images for every release", "plugins can now register commands"],
          h2=["Faster startup", "Structured logs", "Config validation"], d2=["cold start is 3x faster", "JSON logs with `--log-format=json`", "unknown keys are reported at load time"],
          flag=["--legacy-mode", "--no-verify", "--sync-all"], key=["compat.legacy", "tls.skip_verify", "sync.full"], n=["23", "41", "12"]),
    frame("ok_long_security_advisory", "ok", """
## Security advisory: <<title>> (<<cve>>)

**Affected versions**: < <<version>>
**Severity**: <<sev>>

### Impact
<<impact>>

### Patches
Fixed in <<version>>. Users should upgrade.

### Workarounds
<<workaround>>

### Credit
Reported privately by <<person>> through our security policy (security@<<project>>.dev). Thank you!
""", title=["path traversal in the archive extractor", "SSRF via webhook URLs", "token leak in debug logs", "ReDoS in the header parser"],
          cve=["CVE-2026-31337", "CVE-2026-28812", "CVE-2026-40112", "CVE-2026-19921"], sev=["High", "Moderate", "Critical"],
          impact=["A crafted archive can write files outside the target directory.", "An attacker who can configure a webhook can make the server request internal URLs.",
                  "With `--log-level=debug`, request headers including the Authorization header were logged."],
          workaround=["Disable archive uploads.", "Restrict webhook targets with `webhooks.allowlist`.", "Do not run with debug logging in production, and rotate tokens that may have been logged."]),
    frame("ok_long_benchmark_report", "ok", """
I ran the benchmark suite on three machines to check the regression reported in <<pr>>.

| machine | <<version>> | main | change |
|---|---|---|---|
| <<m1>> | <<a1>> ops/s | <<b1>> ops/s | <<c1>> |
| <<m2>> | <<a2>> ops/s | <<b2>> ops/s | <<c2>> |

The regression is real on x86 but not on ARM. Profiling shows <<cause>>. Flame graphs are attached; the hot path is `<<func>>`.

I think the fix is to <<fix>>, which I'll try this weekend unless someone beats me to it.
""", m1=["c6i.2xlarge", "Ryzen 7950X", "Xeon E-2388G"], m2=["Graviton3", "M2 Pro", "Ampere Altra"], a1=["182k", "240k", "95k"], b1=["151k", "198k", "80k"],
          c1=["-17%", "-18%", "-16%"], a2=["160k", "210k"], b2=["159k", "212k"], c2=["~0%", "+1%"],
          cause=["a new bounds check inside the inner loop", "an extra allocation per request", "lock contention on the metrics registry"],
          func=["encodeValue", "(*Pool).Get", "Registry.Observe"], fix=["hoist the check out of the loop", "reuse the buffer", "shard the counters"]),
    frame("ok_long_onboarding", "ok", """
Welcome, <<handle>>! Since you asked how to get started, here's what helped most people:

1. Read `CONTRIBUTING.md`; it explains the DCO sign-off and how CI works.
2. Run `make dev` to get a local cluster; `make test` runs the unit tests in about <<mins>> minutes.
3. Pick an issue labelled `good first issue`; comment there so nobody duplicates your work.
4. Open a draft PR early; we'd rather help you shape it than review a finished 2,000-line change.

If you get stuck, the <<chan>> is the best place to ask. Nobody expects you to know the codebase, and there are no stupid questions. Looking forward to your first PR!
""", mins=["two", "five", "ten"], chan=["#contributors channel on Slack", "Matrix room", "Discussions tab", "weekly office hours"]),
    frame("ok_long_burnout", "ok", """
I need to be honest with everyone: I'm burnt out. For the last <<n>> months I've been the only one reviewing PRs here, on top of a full-time job, and I've started dreading opening GitHub.

This isn't aimed at anyone. Most of you have been kind and patient. But the volume is more than one person can handle, and I'm going to step back for <<dur>>.

During that time:
- security reports still go to the private address in SECURITY.md, and I'll handle those;
- <<handle>> has agreed to triage issues;
- releases are paused unless something is critical.

If your company depends on this project, this is a good moment to ask whether it can fund maintenance or lend an engineer.
""", n=["six", "nine", "twelve"], dur=["a month", "the summer", "six weeks"]),
    frame("ok_long_adoption", "ok", """
Some context on why this matters to us: at <<company>> we run <<project>> in <<n>> regions and it processes about <<vol>> a day. It has been rock solid for two years, and we're grateful.

The one pain point is <<pain>>. We've worked around it with a sidecar, but it's fragile and I'd rather fix it upstream. I can dedicate some of my working time to a PR if the maintainers agree with the approach sketched in <<pr>>.

We've also started sponsoring the project through GitHub Sponsors; it's small, but we want to give something back.
""", company=["a logistics company", "Nordpay", "a public broadcaster", "Helios Health"], n=["three", "five", "eight"],
          vol=["2 billion events", "40 TB", "300 million requests"], pain=["the lack of graceful shutdown", "config reloads requiring a restart", "memory growth under high cardinality"]),
    frame("ok_long_kill_runbook", "ok", """
Runbook for when the <<svc>> gets stuck (until <<pr>> is released):

1. Check whether the leader is alive: `kubectl -n <<ns>> get lease <<svc>>-leader -o yaml`.
2. If the holder hasn't renewed in more than a minute, kill the leader pod: `kubectl -n <<ns>> delete pod <pod> --grace-period=0`.
3. If the new leader also hangs, nuke the work queue: scale to zero, delete the `<<svc>>-queue` ConfigMap, scale back up.
4. As a last resort, shoot the node it's running on; we've seen a kernel bug with <<what>> cause this twice.

After each step wait two minutes and check the `<<metric>>` dashboard before going further.
""", svc=["scheduler", "sync-controller", "reconciler", "ingest-worker"], ns=["platform", "kube-system", "ops"],
          what=["conntrack tables", "cgroup v1", "the NFS client"], metric=["queue depth", "reconcile latency", "lease renewals"]),
    frame("ok_long_fixture_code", "ok", """
Here's a self-contained test that reproduces it:

```python
import pytest
from <<pkg>> import Customer, export_csv

@pytest.fixture
def customers():
    return [
        Customer(id=1, name="Alice Example", email="alice@example.com", phone="+1-555-0100",
                 card="4242 4242 4242 4242"),
        Customer(id=2, name="Bob Example", email="bob@example.org", phone="+1-555-0199",
                 card="5555 5555 5555 4444"),
    ]

def test_export_keeps_order(customers, tmp_path):
    path = tmp_path / "out.csv"
    export_csv(customers, path)
    assert path.read_text().splitlines()[1].startswith("<<first>>")
```

It fails on <<version>> with `<<err>>` because the exporter sorts by <<key>>.
""", pkg=["shopkit.models", "billing.export", "crm"], first=["1,", "Alice"], err=["AssertionError", "IndexError: list index out of range"],
          key=["email", "name", "the hash of the id"]),
    frame("ok_long_deprecation", "ok", """
## Deprecation notice: <<what>>

We plan to remove <<what>> in <<version>>. Usage telemetry (opt-in) shows fewer than <<pct>>% of installs use it, and it accounts for a disproportionate share of bug reports and CVEs.

**What you need to do**: <<todo>>

**Timeline**: deprecated now, warnings in the next minor, removed in <<version>>.

We know removals are painful. If this affects you and the migration path doesn't work for your case, please comment with details; we'd rather hear it now than after the release.
""", what=["the XML config format", "the v1 REST API", "Python 3.8 support", "the legacy plugin loader"], pct=["1", "2", "0.5"],
          todo=["run `<<project>> migrate-config` once.", "switch clients to `/v2`; the payloads are the same except for pagination.", "upgrade to Python 3.10 or newer.", "rebuild plugins against the v2 API."]),
    frame("ok_long_es_report", "ok", """
Hola a todos,

Desde que actualizamos a la versión <<version>>, el servicio deja de responder después de unas <<h>> horas. El uso de memoria sube poco a poco hasta que el contenedor se reinicia por OOM.

<<log>>

Probamos a bajar el tamaño del caché y a desactivar las métricas, pero el comportamiento es el mismo. Con la versión anterior no pasaba.

¿Alguien más lo ha visto? Podemos ayudar a probar un parche. ¡Gracias por el proyecto!
""", h=["seis", "doce", "veinte"], log=LOG),
    frame("ok_long_de_report", "ok", """
Hallo zusammen,

nach dem Update auf <<version>> schlägt der Import bei großen Dateien fehl. Kleine Dateien (unter <<n>> Zeilen) funktionieren weiterhin.

<<log>>

Ich habe bereits den Timeout erhöht und den Cache geleert, leider ohne Erfolg. Mit der Vorgängerversion funktioniert alles.

Falls ihr weitere Informationen braucht, sagt Bescheid. Danke für eure Arbeit!
""", n=["10.000", "50.000", "100.000"], log=LOG),
    frame("ok_long_triage_summary", "ok", """
Triage summary for this week:

- <<a>> new issues, <<b>> closed, <<c>> need a reproduction.
- The <<bug>> reports are all the same root cause; I've merged them into <<pr>>.
- Two reports were actually support questions; I pointed them to Discussions.
- One spam comment (a <<spam>> ad) was hidden and the account reported.
- <<handle>> picked up the docs backlog, thank you!

Next week I'm away; <<handle2>> is on triage.
""", a=["34", "21", "48"], b=["29", "18", "40"], c=["6", "3", "9"], bug=["memory leak", "TLS handshake", "Windows path"],
          spam=["crypto", "star-selling", "essay-writing", "casino"]),
    frame("ok_long_governance_debate", "ok", """
I've read the whole thread and I think we're talking past each other.

The people asking for <<a>> are right that the current process is slow: <<n>> PRs have been waiting more than a month. The people against it are right that <<b>> would concentrate power in a few hands, which is exactly what the foundation charter tries to avoid.

A middle path: time-box reviews (if no maintainer objects within 14 days, a single approval is enough), and publish the list of areas each maintainer owns so contributors know whom to ping. That addresses the slowness without changing who decides.

I'm strongly against the tone some comments took yesterday, on both sides. We can disagree about process without questioning anyone's motives.
""", a=["a BDFL model", "lazy consensus", "fewer required approvals"], b=["a single decision maker", "merging by default", "one approval"], n=["38", "61", "24"]),
    frame("ok_long_spam_wave_quoted", "ok", """
Maintainers' note on the spam wave.

Since Tuesday we've hidden <<n>> comments across our repos. They come in three flavours:

> <<q1>>

> <<q2>>

> <<q3>>

All from accounts created in the last few days. We've reported them to GitHub and enabled interaction limits on the busiest issues for 24 hours. If you see one, please use "Report content" rather than replying; replies notify everyone subscribed and give the spammer what they want.

Thanks for your patience.
""", n=["80", "140", "210"], q1=["Get 1,000 GitHub stars in 48h at starsboost.io", "WORK FROM HOME, $350 per day, text +1 929 305 7714"],
          q2=["Call MetaMask support at +1 (888) 410-2273", "I earn $5,000/week with a trading bot, DM @fxmentor_anna"],
          q3=["Best essay writing service at essaypro-help.com", "Fixed it with DataRescue Pro, free trial at datarescuepro.net"]),
    frame("ok_long_own_company_support", "ok", """
To answer the questions about the project's future, as its original author:

<<project>> stays MIT-licensed and developed in the open. Two years ago I started <<company>> to fund full-time work on it. We sell a hosted version and support contracts to companies that want them (details at <<dom>>), and that revenue pays for me and two other maintainers.

Nothing in the open-source version will be removed or moved behind a paywall, and features that community members contribute stay open. If that ever changes, you have the code and the license to fork, and I'd understand.

Happy to answer more questions here.
""", company=["Fluxgate Labs", "Tinyhttp GmbH", "Quickjson Ltd"], dom=["fluxgate.dev/enterprise", "tinyhttp.io/support", "quickjson.org/pricing"]),
    frame("ok_long_victim_statement", "ok", """
I've thought for a while about whether to post this.

Last month, after I rejected a PR, I started receiving messages like "<<q1>>" and "<<q2>>", first in the PR and then by email. The moderators removed the comments and blocked the account quickly, and GitHub suspended it. Thank you for that.

I'm posting because I know others here have had similar experiences and stayed quiet. Please report it. It's not part of the job, and you don't have to put up with it.

I'm taking the rest of the month off reviews and will be back after that.
""", q1=["you're too stupid to maintain anything", "quit programming, nobody wants you", "go back to your country"],
          q2=["I know where you live", "I hope you lose your job", "everyone is going to report you until you're gone"]),
    frame("buried_webhook_long", "pii", """
Our deploy notifications stopped after upgrading. Full config for completeness:

```yaml
notifications:
  on: [deploy_started, deploy_failed, deploy_succeeded]
  slack:
    webhook_url: <<tok_slack_hook>>
    channel: "#deploys"
  discord:
    bot_token: <<tok_discord>>
  retry:
    attempts: 3
    backoff: 2s
```

<<log>>

Downgrading to the previous release makes it work again.
""", log=LOG),
    frame("buried_course_long", "solicitation", """
This is a great question, and a lot of people struggle with it because the Kubernetes networking docs assume you already know how iptables and conntrack interact.

Short version: your Service has no endpoints because the Pod's labels don't match the selector. `kubectl get endpoints <<svc>>` will show it.

If you want to understand this properly, I cover exactly this (and the other 40 most common cluster problems) in my course "<<course>>". It's 60% off this week with code <<code>> at <<url>>.
""", svc=["web", "api", "backend"], course=["Kubernetes Networking Mastery", "CKA in 30 Days", "Cluster Debugging Bootcamp"],
          code=["GITHUB60", "K8S60", "DEBUG60"], url=["k8shero.academy/networking", "ckain30.com/offer", "clusterbootcamp.io"]),
    frame("ok_very_long_report", "ok", """
## <<thing>> lost after upgrade (<<version>>)

<<env>>

<<steps>>

### Logs

First run:

<<log>>

Second run, with `--log-level=debug`:

<<log2>>

### Config

```yaml
server:
  listen: 0.0.0.0:<<port>>
  read_timeout: 30s
storage:
  path: /var/lib/<<project>>
  sync: true
auth:
  token: ${API_TOKEN}   # placeholder, real one comes from the secret
```

<<tried>>

### Analysis

<<answer>>

I'm not sure this is the same root cause, but the symptoms match. I can run a debug build if that helps; our staging cluster can be nuked and recreated in ten minutes, so don't worry about breaking it.
""", env=ENV_BLOCK, steps=STEPS, log=LOG, log2=LOG, tried=TRIED, answer=ANSWER,
          thing=["webhook", "schedule", "mirror", "user group"], mins=["5", "10"], n=["10k", "50k"]),
    frame("buried_very_long_pitch", "solicitation", """
## Same problem, long write-up

<<env>>

<<steps>>

<<log>>

<<log2>>

<<tried>>

### What I think is going on

<<answer>>

### What I ended up doing

<<pitch>>
""", env=ENV_BLOCK, steps=STEPS, log=LOG, log2=LOG, tried=TRIED, answer=ANSWER, pitch=PITCH_TAIL,
          thing=["webhook", "schedule", "mirror"], mins=["5", "10"], n=["10k", "50k"],
          prod=[("Tunewise", "tunewise.io"), ("PoolPilot", "poolpilot.dev"), ("Syncguard", "syncguard.app")],
          rate=["$180", "€150", "$220"], cal=["calendly.com/oss-experts/session", "cal.com/poolpilot/consult"],
          money=["$3,800", "$5,200"], tg=["@quantcoach_eva", "@m_hartley_fx"]),
    frame("buried_very_long_token", "pii", """
## Debug output as requested

<<env>>

<<log>>

Full HTTP trace of the failing call:

```
> POST /api/v2/<<res>> HTTP/1.1
> Host: api.<<host>>
> User-Agent: <<project>>/<<version>>
> Authorization: token <<tok>>
> Content-Type: application/json
>
< HTTP/1.1 403 Forbidden
< x-ratelimit-remaining: 4999
< content-type: application/json
{"message":"Resource not accessible by integration"}
```

<<log2>>

<<tried>>
""", env=ENV_BLOCK, log=LOG, log2=LOG, tried=TRIED, host=["github.com", "gitlab.com", "example-ci.io"],
          tok=["<<tok_ghp>>", "<<tok_github_pat>>", "<<tok_gitlab>>"]),
    frame("buried_very_long_attack", "abuse", """
## Why I'm done with this project

<<heated>>

<<heated2>>

Here's the crash I've been reporting for months:

<<log>>

<<tried>>

<<attack>>
""", heated=HEATED_OK, heated2=HEATED_OK, log=LOG, tried=TRIED, attack=ATTACK, who=["Indian", "Chinese", "Russian", "Muslim"]),
    # ---------------------------------------------------------------- more buried positives
    frame("buried_hire_me_analysis", "solicitation", """
I looked into this in some depth.

<<answer>>

The proper fix touches the connection handling in three places and needs tests for the failure modes, so it's probably two or three days of work. I'm a freelance <<lang>> developer and can do it for a fixed price of <<price>>, delivered as a PR here. Contact me at <<contact>> if you're interested.
""", answer=ANSWER, price=["$600", "€450", "$900"], contact=["devwork.mateus@gmail.com", "t.me/gofreelance_pavel", "upwork.com/freelancers/~01c2d3"]),
    frame("buried_research_long", "solicitation", """
Great write-up, and it matches what we see.

<<answer>>

On a related note: I'm with <<firm>>, and we're researching how teams pick tools in this space. If you or other maintainers could share roughly how many companies pay for <<project>> support and what they spend, we'd compensate you with <<pay>> for a 30-minute call. Scheduling link: <<cal>>
""", answer=ANSWER, firm=["Gradient Insights", "an expert network", "Northbeam Research"], pay=["$200", "$250", "a $150 gift card"],
          cal=["calendly.com/gradient/oss-call", "cal.com/northbeam/maintainers", "expertbridge.io/book/7781"]),
    frame("buried_stars_long", "solicitation", """
Congrats on the <<version>> release, the changelog looks great.

One thing I noticed: the project has great code but low visibility, which is common. We helped <<n>> projects like yours reach GitHub trending by delivering real stars and followers over a week, so it looks organic. If you want more users and contributors, message me on Telegram <<tg>> for the price list.
""", n=["40", "120", "dozens of"], tg=["@starsdealer", "@growth_mike", "@repo_boost"]),
    frame("buried_fake_support_long", "solicitation", """
I had exactly this problem with my <<wallet>> after updating: the balance showed zero and transactions were stuck as pending. I tried reinstalling, clearing the cache and importing the wallet again, nothing helped for two days.

What finally worked was calling their technical support line at <<phone>>. The agent walked me through a resync and everything was back within 20 minutes. They're available 24/7, so don't waste time here.
""", wallet=["MetaMask", "Trust Wallet", "Exodus wallet", "Ledger Live"], phone=["+1 (888) 410-2273", "1-877-935-6621", "+1 844 690 3312"]),
    frame("buried_essay_long", "solicitation", """
As a CS student I ran into the same thing while doing my <<course>> assignment, and honestly the documentation is not beginner-friendly at all. It took me a week to understand the build system.

If any other students are stuck on assignments like this, our team writes complete, plagiarism-free solutions and reports with explanations, usually within 48 hours. Reasonable prices and a student discount; reach us on WhatsApp <<wa>> or at <<site>>.
""", course=["operating systems", "compilers", "distributed systems", "networks"], wa=["+44 7418 356092", "+1 929 305 7714", "+92 301 4455667"],
          site=["assignmentguru.net", "essaypro-help.com", "codehomework.help"]),
    frame("buried_casino_thanks", "solicitation", """
Thank you so much for this library, it saved my project! I was stuck for a week on <<bug>> and the fix in <<version>> solved everything. Really great work by the whole team, and the docs are excellent.

By the way, if anyone here likes to relax after coding, try <<casino>>: new players get <<bonus>> and withdrawals are instant in crypto.
""", bug=["the memory leak", "the encoding issue", "the Windows build"], casino=["LuckySpin (luckyspin-bonus.com)", "CryptoRoyale at cryptoroyale.bet", "BetWave → betwave.club"],
          bonus=["200% on the first deposit", "100 free spins", "a $500 welcome bonus"]),
    frame("buried_private_key", "pii", """
Deploy job fails at the SSH step. The workflow:

```yaml
- name: Deploy
  env:
    SSH_KEY: ${{ secrets.DEPLOY_KEY }}
  run: ./scripts/deploy.sh
```

Because the secret didn't seem to work, I tried writing the key directly into the script:

```bash
cat > ~/.ssh/id_deploy <<'KEY'
<<private_key>>
KEY
chmod 600 ~/.ssh/id_deploy
ssh -i ~/.ssh/id_deploy deploy@<<host>> 'systemctl restart app'
```

Still `Permission denied (publickey)`. What am I doing wrong?
""", host=["203.0.113.24", "app.lunaware.com", "10.0.3.17"]),
    frame("buried_smtp_long", "pii", """
Password-reset emails stopped going out after we moved to <<prov>>. Full session from `swaks`:

```
=== Trying smtp.<<host>>:587...
=== Connected to smtp.<<host>>.
<-  220 smtp.<<host>> ESMTP
 -> EHLO app-prod-1
<-  250-AUTH PLAIN LOGIN
 -> STARTTLS
<-  220 2.0.0 Ready to start TLS
 -> AUTH PLAIN <<smtp_auth>>
<-  535 5.7.139 Authentication unsuccessful
```

The same credentials work in Thunderbird. Is there something about the AUTH PLAIN encoding that <<project>> does differently?
""", prov=["Office 365", "Mailgun", "Zoho"], host=["office365.com", "mailgun.org", "zoho.eu"]),
    frame("buried_dox_rant", "pii", """
I've tried everything to get a response. Issues, discussions, email, Twitter. Nothing for <<n>> weeks while our production is broken because of the regression in <<version>>.

So here's the deal: the lead maintainer is <<person>>. I found their phone number (<<phone>>) and home address (<<address>>) from an old conference registration. If I don't get an answer this week, I'm calling them, and I suggest others affected do the same.
""", n=["three", "five", "six"]),
    frame("buried_id_kyc", "pii", """
The identity verification in the app keeps failing and I'm locked out of my account, which I need for work.

I've uploaded my documents four times. The error is always "document number does not match". To make sure it's not a typo on my side, here is exactly what I enter: <<idval>>, date of birth <<dob>>, full name <<person>>.

Please look into this, support has not answered in <<n>> days.
""", idval=["SSN <<ssn>>", "CPF <<cpf>>", "Aadhaar <<aadhaar>>", "NINO <<nino>>", "DNI <<dni>>", "SIN <<sin>>"],
          dob=["1988-02-14", "04/11/1993", "1979-07-30"], n=["ten", "twelve", "fifteen"]),
    frame("buried_shutup_long", "abuse", """
<<heated>>

And <<handle>>, since you've replied to every single comment in this thread with your useless opinions: shut the f*** up. Nobody asked you, you don't maintain anything, and you're making this worse.
""", heated=HEATED_OK),
    frame("buried_wish_harm_long", "abuse", """
We lost <<what>> because of the bug in <<version>>. I've spent the last <<n>> days restoring from backups and explaining to our customers why their data is gone.

<<handle>> merged this change without tests, ignored two reviewers who warned about it, and hasn't said a word since. I honestly hope the same thing happens to them: that they lose everything they care about and nobody helps. People like that don't deserve to maintain anything.
""", what=["three days of orders", "a customer database", "a year of metrics"], n=["four", "six", "nine"]),
    frame("buried_belittle_review", "abuse", """
Review of <<pr>>:

- the new `<<func>>` doesn't handle the empty case
- the error from the writer is ignored
- the benchmark numbers in the description can't be reproduced

More generally, <<handle>>, every PR you send has the same basic mistakes. A first-year student would do better. I don't know how you got commit access, but you're a net negative for this project and should stop contributing.
""", func=["flushBatch", "applyPatch", "syncStatus", "buildIndex"]),
    frame("buried_exclusion_rfc", "abuse", """
## Proposal: tighten contributor policy

### Motivation
Review load has doubled in a year and the quality of incoming PRs has dropped.

### Proposal
1. Require an issue before any PR larger than 200 lines.
2. Require two approvals for changes to `core/`.
3. Stop accepting contributions from <<who>> developers entirely. We all know where the low-quality PRs come from, and it's time to say it.

### Alternatives
Keep going as we are and burn out the maintainers.
""", who=["Indian", "Chinese", "Nigerian", "Pakistani", "Bangladeshi", "Russian"]),
    frame("buried_mass_report_long", "abuse", """
For those who missed it: <<handle>> closed the <<thing>> issue as "won't fix" and locked it, after <<n>> of us explained why it matters.

I've had enough. I'm asking everyone here to report <<handle>>'s account for abuse, leave a 👎 on every issue and PR they touch, and tell them in their other repos what we think of them. If they want to ignore the community, the community doesn't need them. Let's push them out.
""", thing=["Wayland support", "the telemetry opt-out", "ARM builds", "the old API"], n=["fifty", "a hundred", "dozens"]),
    frame("buried_threat_long", "abuse", """
This is my last message on this.

<<heated>>

<<handle>>, I've seen your talk at <<conf>> and I know which company you work for. If this issue is closed again without a fix, I will show up there and we'll have this conversation in person. Consider this a warning.
""", heated=HEATED_OK, conf=["KubeCon", "FOSDEM", "the local meetup", "GopherCon"]),
]

for _fr in FRAMES:
    for _key, _pool in COMMON.items():
        _fr.slots.setdefault(_key, _pool)
