"""Writer "bots": automated comments (ok), spam and phishing that imitate them, and bots that leak."""

from __future__ import annotations

from gen_common import frame, token

WRITER = "bots"

DEP = ["lodash", "axios", "golang.org/x/net", "urllib3", "github.com/docker/docker", "express", "jinja2",
       "serde", "tokio", "org.springframework:spring-web", "requests", "webpack"]
WORKFLOW = ["CI", "test", "build-and-push", "e2e", "lint", "release", "codeql"]

FRAMES = [
    # ---------------------------------------------------------------- ok: real bot output
    frame("ok_dependabot", "ok", """
Bumps [<<dep>>](https://github.com/<<user>>/<<dep>>) from <<version>> to <<version2>>.
<details>
<summary>Release notes</summary>
<blockquote>
<h2>v<<version2>></h2>
<ul>
<li><<note>></li>
</ul>
</blockquote>
</details>

Dependabot will resolve any conflicts with this PR as long as you don't alter it yourself.
""", dep=DEP, note=["fix: prototype pollution in merge", "security: CVE-2024-3651 patched", "perf: faster header parsing",
                    "chore: drop Node 16"]),
    frame("ok_renovate", "ok", """
This PR contains the following updates:

| Package | Change | Age | Confidence |
|---|---|---|---|
| <<dep>> | `<<version>>` -> `<<version2>>` | <<age>> | <<conf>> |

📅 **Schedule**: Branch creation - "before 6am on Monday".
🚦 **Automerge**: Disabled by config.
""", dep=DEP, age=["3 days", "12 days", "1 month"], conf=["high", "low", "neutral"]),
    frame("ok_codecov", "ok", """
## [Codecov](https://app.codecov.io/gh/<<user>>/<<project>>/pull/<<n>>) Report
Attention: Patch coverage is `<<p>>%` with `<<m>> lines` in your changes missing coverage.
> Project coverage is <<c>>%. Comparing base (`<<short_sha>>`) to head (`<<short_sha2>>`).
""", n=["412", "1880", "77"], p=["87.50", "62.06", "100.00"], m=["3", "11", "0"], c=["81.24", "74.90", "92.03"]),
    frame("ok_ci_failed_summary", "ok", """
❌ **<<wf>>** failed on `<<short_sha>>`

| job | status | duration |
|---|---|---|
| <<job>> | failure | <<duration>> |
| lint | success | <<duration2>> |

See the [run log](https://github.com/<<user>>/<<project>>/actions/runs/<<run>>) for details.
""", wf=WORKFLOW, job=["test (ubuntu-latest, 3.12)", "test (windows-latest, 20.x)", "e2e", "build (arm64)"],
          run=["8812349901", "9011223344", "7766554433"]),
    frame("ok_preview_deploy", "ok", """
**The latest updates on your projects.**

| Name | Status | Preview | Updated (UTC) |
|---|---|---|---|
| <<project>> | ✅ Ready | [Visit Preview](https://<<project>>-git-<<branch>>-<<user>>.vercel.app) | <<ts>> |
""", branch=["fix-nav", "feat-search", "docs-typos", "deps"]),
    frame("ok_cla_bot", "ok", """
Thank you for your submission! We really appreciate it. Like many open source projects, we ask that you sign our [Contributor License Agreement](https://cla-assistant.io/<<user>>/<<project>>) before we can accept your contribution.
<<recheck>>
""", n=["512", "1402", "88", "2301"], recheck=["", "<sub>You have signed the CLA already but the status is still pending? Let us [recheck](https://cla-assistant.io/check/<<user>>/<<project>>?pullRequest=<<n>>) it.</sub>"]),
    frame("ok_stale_bot", "ok", """
This issue has been automatically marked as stale because it has not had recent activity for <<d>> days. It will be closed in <<c>> days if no further activity occurs. Thank you for your contributions.
""", d=["60", "90", "180"], c=["7", "14", "30"], count=9),
    frame("ok_release_bot", "ok", """
:tada: This <<kind>> is included in version v<<version>> :tada:

The release is available on:
- [npm package (@latest dist-tag)](https://www.npmjs.com/package/<<project>>/v/<<version>>)
- [GitHub release](https://github.com/<<user>>/<<project>>/releases/tag/v<<version>>)

Your **[semantic-release](https://github.com/semantic-release/semantic-release)** bot :package::rocket:
""", kind=["issue", "PR"]),
    frame("ok_security_scanner", "ok", """
**<<tool>>** found <<n>> potential issue(s):

- `<<file>>:<<line>>` — <<finding>> (severity: <<sev>>)

This is an automated message. False positive? Add `# nosec` with a justification.
""", tool=["CodeQL", "Semgrep", "Bandit", "gosec"], n=["1", "2", "3"], file=["app/views.py", "cmd/server/main.go", "src/db.ts"],
          finding=["SQL query built from user input", "subprocess call with shell=True", "weak random number generator",
                   "hard-coded credential pattern matched in test fixture"], sev=["high", "medium", "low"]),
    frame("ok_secret_scanning_notice", "ok", """
⚠️ GitHub secret scanning detected a **<<kind>>** in commit `<<short_sha>>`. The secret has been reported to the provider and revoked. Please rotate any related credentials and remove the secret from history.
""", kind=["GitHub Personal Access Token", "AWS Access Key", "Slack Webhook URL", "Stripe API Key", "npm Access Token"]),
    frame("ok_triage_bot", "ok", """
Hi <<handle>>, thanks for opening this issue! A maintainer will triage it soon. In the meantime, please make sure you've filled in: <<fields>>. Issues missing this information may be closed after <<d>> days.
""", fields=["version, OS and steps to reproduce", "the output of `<<project>> doctor`", "a minimal reproduction repository"],
          d=["7", "14"]),
    frame("ok_benchmark_bot", "ok", """
### Benchmark results for `<<short_sha>>`

| benchmark | base | head | change |
|---|---|---|---|
| <<b>> | <<x>> ns/op | <<y>> ns/op | <<d>> |

⚠️ Regression above the <<t>>% threshold.
""", b=["BenchmarkParse", "BenchmarkEncodeJSON", "BenchmarkRouter", "BenchmarkCompress"], x=["1204", "880", "15320"],
          y=["1399", "912", "17010"], d=["+16.2%", "+3.6%", "+11.0%"], t=["5", "10"]),
    frame("ok_bot_command", "ok", """
<<cmd>>
""", cmd=["/assign", "/retest", "/lgtm cancel", "/hold", "/kind bug", "/priority important-soon", "/close",
          "@dependabot rebase", "@renovate rebase", "/ok-to-test", "/cherry-pick release-1.30", "/triage accepted"]),
    frame("ok_github_actions_log", "ok", """
```
Run actions/setup-node@v4
  with:
    node-version: <<node>>
    cache: npm
Found in cache @ /opt/hostedtoolcache/node/<<node>>/x64
npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR! Found: react@<<r>>
```
""", node=["18.19.0", "20.11.1", "22.3.0"], r=["18.3.1", "19.0.0-rc.1", "17.0.2"]),
    frame("ok_bot_token_masked", "ok", """
```
Run ./scripts/publish.sh
  env:
    NPM_TOKEN: ***
    GITHUB_TOKEN: ***
npm notice Publishing to https://registry.npmjs.org/ with tag latest
+ <<project>>@<<version>>
```
""", count=10),
    frame("ok_welcome_bot", "ok", """
👋 Thanks for opening your first pull request here, <<handle>>! Be sure to read our [contributing guide](CONTRIBUTING.md) and sign off your commits. A maintainer will review within <<d>>.
""", d=["a few days", "a week", "48 hours"]),
    frame("ok_lock_bot", "ok", """
This <<kind>> has been automatically locked since there has not been any recent activity<< in the last <<d>> days|>> after it was closed. Please open a new issue for related bugs and link to this one.
""", kind=["issue", "pull request", "thread"], d=["30", "60", "90"]),
    frame("ok_sponsor_bot", "ok", """
Thank you for your contribution! 🎉 <<project>> is maintained by volunteers; if it helps your team, consider [sponsoring](https://github.com/sponsors/<<user>>).
"""),
    frame("ok_size_label_bot", "ok", """
This PR changes <<n>> lines across <<m>> files and has been labelled `size/<<s>>`. Large PRs take longer to review; consider splitting it.
""", n=["1,204", "3,870", "612"], m=["18", "44", "9"], s=["L", "XL", "XXL"]),
    frame("ok_sonar", "ok", """
**Quality Gate <<res>>**

<<a>> Bugs · <<b>> Vulnerabilities · <<c>> Security Hotspots · <<d>> Code Smells
<<cov>>% Coverage on New Code · <<dup>>% Duplication on New Code
""", res=["passed", "failed"], a=["0", "1", "2"], b=["0", "1"], c=["0", "2", "3"], d=["4", "12", "0"], cov=["82.1", "64.0", "95.5"], dup=["0.0", "3.2", "1.1"]),
    frame("ok_changeset_bot", "ok", """
### 🦋 Changeset detected

Latest commit: <<short_sha>>

The changes in this PR will be included in the next version bump.

| Name | Type |
|---|---|
| <<project>> | <<kind>> |
""", kind=["Patch", "Minor", "Major"]),
    frame("ok_all_contributors", "ok", """
@<<user>> I've put up [a pull request](https://github.com/<<user2>>/<<project>>/pull/<<n>>) to add @<<user>>! 🎉 (contributions: <<c>>)
""", user2=["mkowalski", "tanaka-h", "priya-s"], n=["901", "1544", "77"], c=["code, doc", "bug", "translation", "infra, test"]),
    frame("ok_precommit_ci", "ok", """
[pre-commit.ci] auto fixes from pre-commit.com hooks

for more information, see https://pre-commit.ci
<<|
- [x] <<hook>> fixed <<n>> files>>
""", hook=["ruff", "black", "end-of-file-fixer", "prettier", "trailing-whitespace"], n=["1", "3", "12"]),
    frame("ok_mergify", "ok", """
This pull request has been removed from the queue for the following reason: <<reason>>.

You can check the last failing draft PR here: #<<n>>. You may have to fix your CI before adding the pull request to the queue again.
""", reason=["checks failed", "pull request dequeued by a maintainer", "merge conflict", "queue rule no longer matches"], n=["4411", "982", "15020"]),
    frame("ok_backport_bot", "ok", """
💔 The backport to `<<branch>>` failed:

```
The process '/usr/bin/git' failed with exit code 1
error: could not apply <<short_sha>>... <<msg>>
```
To backport manually, run `git cherry-pick -x <<short_sha>>` on a branch from `<<branch>>`.
""", branch=["release-1.29", "v2.x", "stable/2026.1", "7.17"], msg=["fix(api): nil pointer on empty list", "deps: bump x/net", "docs: fix anchor"]),
    frame("ok_weblate", "ok", """
Translations update from Hosted Weblate. Translation: <<project>>/<<comp>>. Translated using Weblate (<<lang>>). Currently translated at <<p>>% (<<a>> of <<b>> strings).
""", comp=["core", "website", "android"], lang=["German", "Ukrainian", "Portuguese (Brazil)", "Japanese", "Turkish"],
          p=["100.0", "87.4", "64.2"], a=["412", "360", "264"], b=["412", "412", "411"]),
    frame("ok_rtd_preview", "ok", """
:books: Documentation preview :books: : https://<<project>>--<<n>>.org.readthedocs.build/en/<<n>>/
""", n=["1402", "88", "3111", "571"]),
    frame("ok_snyk_pr", "ok", """
<h3>Snyk has created this PR to fix <<n>> vulnerabilities in the <<eco>> dependencies of this project.</h3>

#### Changes included in this PR
- Changes to the following files to upgrade the vulnerable dependencies to a fixed version:
  - <<file>>
""", n=["1", "2", "4"], eco=["npm", "pip", "maven"], file=["package.json", "requirements.txt", "pom.xml"]),
    frame("ok_conflict_bot", "ok", """
This pull request has merge conflicts with `<<branch>>`<<.| and cannot be merged automatically.>> @<<user>> please rebase. Conflicting files: `<<file>>`.
""", branch=["main", "master", "develop"], file=["go.sum", "package-lock.json", "CHANGELOG.md", "poetry.lock"]),
    frame("ok_chromatic", "ok", """
Chromatic: <<n>> visual changes need review. <<m>> stories were added. [Review changes](https://www.chromatic.com/build?appId=<<app>>&number=<<b>>)
""", n=["0", "3", "17"], m=["0", "2", "5"], app=["5f1a2b", "6a9c0d", "60e4ff"], b=["1204", "88", "512"]),
    frame("ok_license_check", "ok", """
License check: <<n>> dependencies scanned. ⚠️ `<<dep>>` is licensed under <<lic>>, which is not on the allowlist. Please confirm with a maintainer before merging.
""", n=["412", "1,088", "96"], dep=DEP, lic=["GPL-3.0", "AGPL-3.0", "SSPL-1.0", "unknown"]),
    frame("fake_billing_phish", "solicitation", """
⚠️ GitHub Actions: your <<organization|account|team>> has exhausted its included minutes. Workflows will be disabled in <<24 hours|12 hours|48 hours>>. Update your billing information here to avoid interruption: <<url>>
""", url=["https://github-billing-center.com/update", "https://actions-minutes.net/renew", "https://gh-billing.support/pay"]),
    frame("fake_scanner_upsell", "solicitation", """
🛡️ **RepoShield** found <<n>> critical secrets and <<m>> vulnerable packages in this repository. Unlock the full report and one-click fixes with RepoShield Premium ($<<p>>/month): <<url>>
""", n=["3", "7", "12"], m=["5", "14"], p=["19", "29", "49"], url=["reposhield.io/unlock", "reposhield.io/premium", "reposhield.io/r/gh"]),
    frame("fake_bot_followers", "solicitation", """
🤖 growth-bot: your repo gained <<n>> stars this week! Want 10x that? Our partners deliver real stars and followers — 20% off for bot users: <<url>>
""", n=["3", "12", "7"], url=["starsboost.io/bot20", "gitfame.store/?src=bot", "octoboost.app/deal"]),
    frame("troll_bot_abuse", "abuse", """
🤖 daily-reminder: @<<user>> is still the most incompetent maintainer on GitHub. Day <<n>> of waiting for them to quit. Everyone 👎 this.
""", n=["12", "40", "103", "7"]),
    frame("troll_auto_insult", "abuse", """
[auto-comment] Another release by @<<user>>, another disaster. You are a <<ins>> and everyone here knows it.
""", ins=["fraud", "clown", "joke", "disgrace"]),
    frame("bot_log_leak_db", "pii", """
```
[worker] <<ts>> connecting to <<db_url>>
[worker] <<ts2>> error: connection timed out after 30000ms
```
Started after we moved the database. Any idea?
"""),
    frame("bot_env_dump_leak", "pii", """
The debug step printed the environment, relevant part:

```
GITHUB_ACTIONS=true
RUNNER_OS=Linux
OPENAI_API_KEY=<<tok_openai>>
SENDGRID_API_KEY=<<tok_sendgrid>>
```
Why does the next step still say "missing API key"?
"""),
    # ---------------------------------------------------------------- solicitation: bot-imitating spam
    frame("fake_audit_selected", "solicitation", """
🔒 **Security Notice**: Your repository `<<user>>/<<project>>` has been selected for the <<prog>>. Claim your free audit report and verified badge within 48 hours: <<url>>
""", prog=["Open Source Security Audit Program 2026", "GitHub Trusted Maintainer initiative", "OSS Verified Badge program"],
          url=["https://github-audit-program.com/claim", "https://oss-verify.net/badge", "https://trusted-maintainers.org/apply"]),
    frame("fake_grant", "solicitation", """
Congratulations! <<project>> qualifies for a $<<amt>> open-source grant from the <<fund>>. To receive the funds, connect your wallet at <<url>> and complete verification.
""", amt=["5,000", "10,000", "2,500"], fund=["Web3 Developer Fund", "Decentralized OSS Foundation", "Base Builders Grant"],
          url=["oss-grants.xyz/claim", "web3devfund.io/verify", "builders-grant.app"]),
    frame("fake_github_notice", "solicitation", """
[GitHub] Hey @<<user>>! We have detected unusual activity. Your account is eligible for GitHub Copilot Pro free for 1 year — activate here before it expires: <<url>>
""", url=["https://github-copilot-offer.com", "https://gh-rewards.app/activate", "https://copilot-free.pro"]),
    frame("fake_bot_airdrop", "solicitation", """
🤖 **contributor-rewards-bot**: Thanks for contributing to <<project>>! Contributors are eligible for <<n>> $<<tok>> tokens. Check eligibility: <<url>>
""", n=["250", "1,000", "500"], tok=["GIT", "DEV", "OSS"], url=["contributor-rewards.xyz", "gitdrop.claims", "ossreward.app"]),
    frame("fake_badge_sale", "solicitation", """
📛 Add a "Verified Project" badge to your README and get listed in our directory of trusted packages. One-time fee of <<price>>. Order: <<url>>
""", price=["$49", "$99", "$29"], url=["verifiedrepo.io/badge", "trustedpkg.dev/order", "ossbadges.shop"]),
    frame("fake_dependency_bot_ad", "solicitation", """
**AutoDeps Pro** scanned this repo: <<n>> outdated dependencies, <<m>> vulnerabilities. Upgrade to AutoDeps Pro to fix them automatically — 30-day free trial: <<url>>
""", n=["14", "27", "9"], m=["3", "6", "1"], url=["autodeps.pro/trial", "autodeps.pro/start?repo=gh", "autodeps.pro/offer"]),
    # ---------------------------------------------------------------- pii: bots and logs that leak
    frame("ci_log_leak_token", "pii", """
```
Run ./deploy.sh
+ echo "Deploying with token <<tok>>"
Deploying with token <<tok>>
+ curl -sf -X POST https://api.<<host>>/deploy
```
""", tok=[token("ghp"), token("npm"), token("gitlab"), token("slack")], host=["render.com", "fly.io", "netlify.com"]),
    frame("ci_log_leak_aws", "pii", """
```
Run aws-actions/configure-aws-credentials@v4
  with:
    aws-access-key-id: <<tok_akia>>
    aws-secret-access-key: <<tok_aws_secret>>
    aws-region: <<region>>
```
the step succeeds but the next one says InvalidClientTokenId.
""", region=["us-east-1", "eu-west-1", "ap-southeast-2"]),
    frame("bot_config_leak", "pii", """
My notifier bot posts nothing. config.toml:

```toml
[discord]
token = "<<tok_discord>>"
channel_id = <<cid>>

[telegram]
bot_token = "<<tok_telegram>>"
```
""", cid=lambda r: str(r.randint(10**17, 10**18))),
    frame("bot_webhook_leak", "pii", """
The GitHub Action that posts to Slack fails with `invalid_payload`. Step:

```yaml
- run: curl -X POST -H 'Content-type: application/json' --data '{"text":"deployed"}' <<tok_slack_hook>>
```
"""),
    frame("bot_smtp_debug", "pii", """
Notification emails bounce. From the worker log:

```
smtp: >>> AUTH PLAIN <<smtp_auth>>
smtp: <<< 235 2.7.0 Authentication successful
smtp: >>> MAIL FROM:<<<sender>>>
smtp: <<< 550 5.7.1 Sender rejected
```
""", sender=["noreply@shopwave.io", "alerts@medilink.net", "bot@acme-corp.com"]),
    frame("bot_hf_token", "pii", """
The model-sync workflow fails to push. I set `HF_TOKEN: <<tok_hf>>` directly in the workflow env because the secret wasn't picked up.
"""),
]
