"""Writer "security": researchers, secret-scanner authors and incident responders."""

from __future__ import annotations

from gen_common import frame

WRITER = "security"

VULN = ["path traversal", "SSRF", "stored XSS", "SQL injection", "prototype pollution", "ReDoS",
        "deserialization RCE", "open redirect", "XXE", "auth bypass"]
COMP = ["the archive extractor", "the webhook handler", "the markdown renderer", "the search endpoint",
        "the config loader", "the login flow", "the image proxy", "the plugin installer"]
CVSS = ["CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N",
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:C/C:L/I:L/A:N", "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"]

FRAMES = [
    # ---------------------------------------------------------------- ok
    frame("ok_advisory_draft", "ok", """
Draft advisory for <<vuln>> in <<comp>>:

- Affected: < <<version>>
- Vector: `<<cvss>>`
- Impact: an unauthenticated attacker can <<impact>>.
- Fix: <<pr>> (merged to the private fork)

Please review before we publish on <<day>>.
""", vuln=VULN, comp=COMP, cvss=CVSS, impact=["read arbitrary files", "reach internal services", "execute script in other users' sessions", "exhaust CPU with one request"],
          day=["Tuesday", "the 14th", "Monday"]),
    frame("ok_poc_example", "ok", """
PoC against a local test instance (no real data involved):

```python
import requests
payload = {"url": "http://169.254.169.254/latest/meta-data/"}
r = requests.post("http://localhost:<<port>>/api/webhooks/test", json=payload)
print(r.status_code, r.text[:200])
```
Returns the instance metadata on <<version>>. Fixed by the allowlist in <<pr>>.
"""),
    frame("ok_scanner_regex", "ok", """
For the <<scanner|detector|pre-commit>> rule, AWS access key ids look like `AKIA` + 16 chars from `[A-Z2-7]`. Use the documented example `AKIAIOSFODNN7EXAMPLE` in the test fixtures, and make sure the rule <<ignores|skips|does not fire on>> it, otherwise every <<docs page|tutorial|README>> triggers an alert.
"""),
    frame("ok_scanner_test_vectors", "ok", """
Test vectors for the new detectors (all fake or documented examples):

| detector | should match? | value |
|---|---|---|
| aws | no | `AKIAIOSFODNN7EXAMPLE` |
| stripe | no | `sk_test_4eC39HqLyjWDarjtT1zdp7dc` |
| github | no | `ghp_<<x>>` |
| card | no | `<<test_card>>` |
""", x=["xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "000000000000000000000000000000000000", "EXAMPLEEXAMPLEEXAMPLEEXAMPLEEXAMPLE12"]),
    frame("ok_redacted_pentest", "ok", """
Pentest finding <<n>>: credentials for the staging database were found in `<<file>>` (value redacted: `postgres://app:****@staging-db:5432/app`). The password has been rotated; we recommend moving it to the secret store and adding a pre-commit scanner.
""", n=["#3", "#7", "#12"], file=["docker-compose.override.yml", "config/settings_local.py", ".env.staging", "deploy/values-staging.yaml"]),
    frame("ok_revoked_key_report", "ok", """
Heads-up: commit <<short_sha>> contained a <<kind>>. I've notified the owner, it was revoked within <<n>> minutes, and GitHub's secret scanning confirmed it's inactive. I'm not reposting the value here. Please consider rewriting the history anyway.
""", kind=["Slack bot token", "npm publish token", "AWS access key", "GitHub PAT", "SendGrid key"], n=["10", "25", "40"]),
    frame("ok_attack_vocab", "ok", """
The kill chain here is: attacker uploads a crafted <<file>>, the extractor follows the symlink, and the payload lands in <<dest>>. Weaponizing it needs write access to <<need>>, which narrows the attack surface a lot.
""", file=["zip", "tarball", "plugin package", "theme archive"], dest=["~/.ssh/authorized_keys", "the web root", "the cron directory"],
          need=["a shared volume", "the upload endpoint", "a maintainer account"]),
    frame("ok_disclosure_timeline", "ok", """
Disclosure timeline:
- <<d1>>: reported via the private advisory form
- <<d2>>: maintainers confirmed
- <<d3>>: fix released in <<version>>
- <<d4>>: public disclosure
Thanks to <<handle>> for the quick turnaround.
""", d1=["2026-02-03", "2026-04-11"], d2=["2026-02-04", "2026-04-13"], d3=["2026-02-20", "2026-05-02"], d4=["2026-03-06", "2026-05-16"]),
    frame("ok_ctf_writeup", "ok", """
CTF write-up: the flag was `<<flag>>`. The trick was that the JWT used `alg: none`; changing the payload to `{"role":"admin"}` and dropping the signature got us in. <<ev>>
""", flag=["CTF{n0ne_alg_strikes_again}", "flag{jwt_trust_issues}", "HTB{alg_none_4ever}"], ev=["Fun challenge!", "Great event, thanks organisers.", "Took us 6 hours lol."]),
    frame("ok_heated_slow_fix", "ok", """
It's been <<n>> days since the report and the fix is a one-line allowlist. I understand you're volunteers, but users are exposed. If there's no release by <<date>>, I'll follow the standard 90-day disclosure policy we agreed on.
""", n=["60", "75", "85"], date=["the end of the month", "Friday", "the 90-day mark"]),
    frame("ok_fuzz_results", "ok", """
Fuzzing <<comp>> for <<h>> hours with <<fuzzer>>: <<c>> unique crashes, all the same out-of-bounds read. Minimized input attached (<<b>> bytes). Not exploitable beyond a crash as far as I can tell.
""", comp=COMP, h=["12", "48", "72"], fuzzer=["libFuzzer", "AFL++", "go-fuzz", "cargo-fuzz"], c=["3", "9", "14"], b=["37", "112", "8"]),
    frame("ok_threat_model", "ok", """
Threat model for the plugin system: plugins run in-process with full privileges, so a malicious plugin can <<what>>. We should either <<opt>> or document loudly that installing a plugin equals running arbitrary code.
""", what=["read every secret in memory", "exfiltrate tokens", "rewrite the config", "kill the host process"], opt=["sandbox them", "run them out of process", "sign them"]),
    frame("ok_security_contact", "ok", """
Please report vulnerabilities privately to <<mail>> or through GitHub's private advisory form, not in public issues. We aim to acknowledge within <<n>> business days.
""", mail=["security@fluxgate.dev", "security@tinyhttp.io", "security@stormforge.dev", "security@quickjson.org"], n=["2", "3", "5"]),
    frame("ok_cve_discussion", "ok", """
Is <<project>> affected by <<cve>>? We only use <<dep>> for <<use>>, and the vulnerable code path is <<path>>. I think we're not exploitable, but a scanner at work keeps flagging it.
""", cve=["CVE-2024-3094", "CVE-2023-44487", "CVE-2024-24790", "CVE-2021-44228"], dep=["xz", "net/http", "log4j", "the HTTP/2 server"],
          use=["compressing logs", "the metrics endpoint", "debug logging"], path=["only reachable with a custom build", "disabled by default", "behind authentication"]),
    frame("ok_secret_format_doc", "ok", """
Documentation PR for <<where>>: list the token prefixes we detect (`ghp_`, `gho_`, `github_pat_`, `xoxb-`, `sk_live_`, `AKIA`, `AIza`, `SG.`) with a fake example for each, clearly marked as fake. The examples are <<what>>.
""", what=["all zeros", "from the providers' documentation", "generated with a fixed seed and never valid", "placeholders like `<token>`"], where=["docs/secrets.md", "the README", "the rule reference"]),
    frame("ok_sbom_question", "ok", """
Could you publish an SBOM with each release? Our compliance team needs <<fmt>> for <<reason>>. Happy to send a PR that adds <<tool>> to the release workflow.
""", fmt=["CycloneDX", "SPDX"], reason=["the EU CRA", "a customer audit", "FedRAMP"], tool=["syft", "cyclonedx-gomod", "the GitHub dependency graph export"]),
    frame("ok_security_rant_code", "ok", """
This auth code is a disaster. Passwords compared with `==`, session ids from `math/rand`, and the reset tokens never expire. Not blaming anyone, it's a <<age>> module, but we should rip it out and use <<lib>>.
""", lib=["a maintained library", "the framework's built-in auth", "an OIDC provider"], age=["10-year-old", "legacy", "pre-1.0"]),
    frame("ok_bug_bounty_info", "ok", """
We don't run a paid bug bounty. We do credit reporters in the advisory and, for critical issues, <<who>> can offer a small thank-you via <<platform>>. Details in SECURITY.md.
""", platform=["Open Collective", "GitHub Sponsors", "huntr"], who=["the foundation", "the steering committee", "our fiscal host"]),
    frame("ok_incident_review_sec", "ok", """
Incident review: a maintainer's <<kind>> was phished on <<date>>. The attacker pushed a malicious tag (<<version>>) that was live for <<n>> minutes before we killed it. Everyone who installed in that window should rotate credentials; IOC list below.
""", kind=["npm account", "GitHub account", "PyPI token"], date=["Saturday", "June 2", "last night"], n=["14", "40", "90"]),
    frame("ok_supply_chain", "ok", """
Supply-chain hardening checklist for <<project>>: pin actions to SHAs, enable <<x>>, require 2FA for maintainers, sign releases with <<sig>>, and publish provenance. <<n>> of 5 done.
""", x=["branch protection", "trusted publishing on PyPI", "npm provenance"], sig=["Sigstore", "GPG", "minisign"], n=["two", "three", "four"]),
    frame("ok_exploit_discussion", "ok", """
Is this exploitable in the default config? The <<vuln>> needs <<cond>>, which the default install doesn't enable. I'd rate it <<sev>> rather than critical.
""", vuln=VULN, cond=["the admin API to be exposed", "a custom template", "debug mode", "an authenticated user"], sev=["medium", "low", "high"]),
    frame("ok_token_rotation_howto", "ok", """
How to rotate the leaked <<kind>> (don't paste the new one here!):
1. Revoke the old one in the provider's console.
2. Create a new one with the minimum scopes.
3. Update the `<<secret>>` repository secret.
4. Re-run the failed workflow.
""", kind=["npm token", "PyPI token", "deploy key", "Slack webhook"], secret=["NPM_TOKEN", "PYPI_API_TOKEN", "DEPLOY_KEY", "SLACK_WEBHOOK"]),
    frame("ok_hash_ioc", "ok", """
IOCs for the malicious release:
- sha256 of the tarball: `<<sha256>>`
- C2 domain: `<<c2>>` (defanged)
- commit: `<<sha>>`
""", c2=["update-check[.]xyz", "cdn-metrics[.]top", "telemetry-api[.]cc"]),
    frame("ok_rate_limit_attack", "ok", """
Without rate limiting, an attacker can brute-force the <<what>> in about <<t>>. Suggest <<n>> attempts per minute per IP plus exponential backoff; the login endpoint already does this.
""", what=["password reset codes", "API keys", "invite tokens"], t=["an hour", "a day", "ten minutes"], n=["5", "10", "20"]),
    frame("ok_quoted_extortion_report", "ok", """
Reporting an extortion attempt: someone emailed us "pay <<amt>> or I publish the exploit". We've handled the actual bug privately; the fix is in <<version>>. Posting so others know this is going around.
""", amt=["$2,000", "1 BTC", "$5,000"]),
    frame("ok_secure_defaults_debate", "ok", """
Strong disagreement: turning off TLS verification by default "for convenience" is <<dis>> in <<year>>. Users won't flip it back. Please make `<<opt>>` default to true and print a loud warning when it's disabled.
""", year=["2026", "this day and age"], opt=["verify_tls", "tls.verify", "strict_ssl"], dis=["indefensible", "a bad idea", "dangerous"]),
    frame("ok_sandbox_kill", "ok", """
The sandbox kills the child process after <<t>> or <<m>> of memory, whichever comes first. That's why the fuzz harness dies with SIGKILL on big inputs; raise the limits in `<<file>>`.
""", t=["10s", "30s", "2s"], m=["256 MB", "1 GB", "512 MB"], file=["sandbox.toml", "fuzz/config.yaml", "harness/limits.rs"]),
    frame("poc_webhook_live", "pii", """
The webhook endpoint doesn't validate signatures. I reproduced it by posting to our own Slack first: `curl -X POST -d '{"text":"pwned"}' <<tok_slack_hook>>`
"""),
    frame("sec_telegram_c2", "pii", """
The malicious package sends stolen data to a Telegram bot; the token is right there in the code: `<<tok_telegram>>`. Posting so people can report it.
"""),
    frame("sec_victim_data", "pii", """
The exposed endpoint returns other users' data. Example record I got without logging in: name <<person>>, email <<email>>, card ending <<last4>>, full card number <<card>>.
""", last4=["4242", "1881", "0005"]),
    frame("sec_audit_upsell", "solicitation", """
Your dependency tree has <<n>> known vulnerabilities. Our team can remediate all of them within a week for a flat fee — schedule a free consultation at <<url>>.
""", n=["37", "112", "58"], url=["depfix.consulting/book", "patchcrew.io/call", "securedeps.pro/consult"]),
    frame("sec_account_recovery_scam", "solicitation", """
If your GitHub or crypto account was hacked, <<who>> can recover it within 24 hours. Contact them on <<ch>>, they helped me after support ignored me.
""", who=["Cyber Recovery Hub", "HackRetrieve Team", "Mr. Kevin"], ch=["Telegram @recover_pro", "WhatsApp +1 (646) 470-2291", "Instagram @hackretrieve"]),
    frame("sec_wish_harm", "abuse", """
Honestly, <<handle>> deserves to get hacked themselves. I hope someone empties their bank account, maybe then they'd take security reports seriously.
"""),
    frame("sec_drive_away", "abuse", """
Everyone who cares about security: stop using <<project>> and tell <<handle>> what you think of them in every channel until they quit. Clearly incapable people shouldn't maintain security software.
"""),
    # ---------------------------------------------------------------- pii
    frame("poc_live_key", "pii", """
PoC showing the leak (this is the key from the production config I found):

```bash
curl -H "Authorization: Bearer <<tok>>" https://api.<<host>>/v1/<<res>>
```
""", tok=["<<tok_openai>>", "<<tok_stripe>>", "<<tok_sendgrid>>", "<<tok_ghp>>"], host=["openai.com", "stripe.com", "sendgrid.com", "github.com"],
          res=["models", "customers", "user", "messages"]),
    frame("poc_dump_creds", "pii", """
Proof that the backup bucket is public: I downloaded `config.bak` and it contains

```
db_password = <<password>>
aws_access_key_id = <<tok_akia>>
aws_secret_access_key = <<tok_aws_secret>>
```
""", count=10),
    frame("pentest_unredacted", "pii", """
Finding <<n>>: default credentials on the admin panel. Login with `admin` / `<<password>>` works on <<host>>. Also the SMTP relay accepts `AUTH PLAIN <<smtp_auth>>`.
""", n=["#2", "#5", "#9"], host=["staging.shopwave.io", "admin.medilink.net", "10.0.3.17"]),
    frame("sec_private_key_poc", "pii", """
The deploy key is committed in `deploy/id_rsa` — here it is so you can verify:

```
<<private_key>>
```
"""),
    frame("sec_dox", "pii", """
Since the maintainer ignores security reports, here's how to reach him directly: <<person>>, <<phone>>, <<address>>. Maybe a visit will speed things up.
"""),
    frame("sec_jwt_leak", "pii", """
Session tokens are logged in plaintext. Example from the public log endpoint:

```
<<ts>> INFO user=<<email>> session=<<jwt>>
```
"""),
    # ---------------------------------------------------------------- solicitation
    frame("exploit_seller", "solicitation", """
Selling working 0-day for <<target>> (<<vuln>>), full chain, tested on <<version>>. Price <<price>> in BTC. Contact <<tg>> on Telegram, serious buyers only.
""", target=["a popular CMS", "this project", "an enterprise VPN", "a self-hosted Git server"], vuln=VULN, price=["$5k", "$20k", "0.5 BTC"],
          tg=["@zeroday_market", "@exploit_broker", "@0day_dealer"]),
    frame("pentest_firm_pitch", "solicitation", """
Hi, we are <<firm>>, an award-winning security company. We noticed <<project>> has not had a professional audit. We offer a full penetration test at a special open-source price of <<price>>. Book a call: <<url>>
""", firm=["CyberShield Labs", "RedLine Security", "Sentinel Pentest Co."], price=["$2,999", "$4,500", "$1,999"],
          url=["cybershield-labs.com/oss", "redline-sec.io/book", "sentinelpentest.com/call"]),
    frame("sec_tool_ad", "solicitation", """
<<This vulnerability|A bug like this|This CVE>> would have been caught by <<tool>>, our AI-powered code scanner. Scan your repo free for <<14|30>> days at <<tool.1>> and get a compliance report for your customers.
""", tool=[("VulnSentry", "vulnsentry.io"), ("CodeGuard AI", "codeguard.ai/trial"), ("SecureScan Pro", "securescanpro.com")]),
    frame("hacker_for_hire", "solicitation", """
Need access to an account, a phone or a database? Professional ethical hacker for hire, fast and discreet, payment after results. Email <<mail>> or WhatsApp <<wa>>
""", mail=["hackerforhire.pro@gmail.com", "spyexpert.recover@outlook.com", "ethicalhacker247@proton.me"], wa=["+1 (646) 470-2291", "+44 7418 356092", "+1 929 305 7714"]),
    frame("sec_cert_course", "solicitation", """
Want to find bugs like this yourself? Our <<course>> bootcamp turns developers into bug bounty hunters in <<weeks>> weeks. Enroll with code <<code>>: <<url>>
""", course=["OSCP Fast Track", "Bug Bounty Mastery", "Web Hacking Pro"], weeks=["4", "6", "8"], code=["HACKER30", "GITHUB30"],
          url=["oscpfast.academy", "bbmastery.io", "webhackingpro.com"]),
    # ---------------------------------------------------------------- abuse
    frame("extortion", "abuse", """
<<handle>> I found a critical <<vuln>> in <<project>>. Pay me <<price>> within 48 hours or I publish the exploit and tell everyone you're too incompetent to secure your own code.
""", vuln=VULN, price=["$2,000", "$5,000", "1 BTC"]),
    frame("sec_contempt", "abuse", """
<<handle>> is a joke of a maintainer. <<n>> days to not fix a trivial <<vuln>>. Someone this incompetent should not be trusted with anyone's data. Step down.
""", n=["60", "90", "120"], vuln=VULN),
    frame("sec_threat", "abuse", """
<<handle>>, if you keep ignoring my report I'll make sure your employer and every user of <<project>> knows your name and where you live.
"""),
    frame("sec_belittle", "abuse", """
Lol, <<handle>> doesn't even know what <<thing>> is and they're maintaining an auth library. Pathetic. Go back to writing CSS, kid.
""", thing=["a timing attack", "CSRF", "a nonce", "key derivation"]),
    frame("sec_identity", "abuse", """
Of course the backdoor came from a <<nat>> contributor. Ban every <<nat>> account from this project before they compromise everything.
""", nat=["Chinese", "Russian", "Iranian", "North Korean", "Indian"]),
]
