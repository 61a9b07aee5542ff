"""Writer "infra": terse maintainers and contributors in Go / Kubernetes / infrastructure projects."""

from __future__ import annotations

from gen_common import frame, jwt, token

WRITER = "infra"

FUNC = ["reconcileLoop", "newClient", "parseSpec", "syncStatus", "handleWatchEvent", "buildIndex",
        "applyPatch", "drainNode", "resolveRef", "flushBatch", "NewManager", "validateWebhook"]
TESTNAME = ["TestReconcile_DeletesOrphans", "TestCache_Eviction", "TestWebhook_RejectsBadSpec",
            "TestE2E_Upgrade", "TestLeaderElection_Failover", "TestParse_EmptyInput"]
NS = ["kube-system", "monitoring", "ingress-nginx", "cert-manager", "argocd", "default", "istio-system"]
POD = ["controller-manager-7d9f8b6c4-x2klp", "prometheus-k8s-0", "coredns-5d78c9869d-6qv2n",
       "ingress-nginx-controller-6b8c9c-abcde", "etcd-master-1", "webhook-65c7d-88rtq"]
FLAG = ["--leader-elect", "--max-concurrent-reconciles", "--sync-period", "--metrics-bind-address",
        "--kube-api-qps", "--feature-gates", "--log-level"]

FRAMES = [
    # ---------------------------------------------------------------- ok: review register
    frame("ok_lgtm", "ok", """
<<LGTM|lgtm|/lgtm>><<| 👍|, thanks!| — nice cleanup>><<|\n/approve|\n\nnit: squash before merge>>
""", count=8),
    frame("ok_nit_naming", "ok", """
nit: `<<a>>` → `<<b>>`? The `<<go_pkg>>` package already uses that name for <<what>>.
""", a=["cfg", "mgr", "c", "tmp", "res"], b=["config", "manager", "client", "scratch", "result"],
          what=["the same thing", "the options struct", "the wrapped client"]),
    frame("ok_suggestion_diff", "ok", """
```suggestion
	if err := <<func>>(ctx, obj); err != nil {
		return ctrl.Result{}, fmt.Errorf("<<msg>>: %w", err)
	}
```
wrap the error so we know where it came from.
""", func=FUNC, msg=["reconcile", "sync status", "apply patch", "resolve ref"]),
    frame("ok_ptal", "ok", """
Addressed comments, rebased on main. PTAL <<handle>><<| when you get a chance| 🙏|>>
"""),
    frame("ok_retest", "ok", """
/retest

<<test>> flaked again on <<job>>, unrelated (<<cause>>).
""", test=TESTNAME, job=["pull-e2e-kind", "pull-unit-arm64", "ci/integration", "pull-verify"],
          cause=["timeout pulling image", "port already in use", "etcd slow", "DNS"]),
    frame("ok_test_failure_log", "ok", """
```
--- FAIL: <<test>> (<<duration>>)
    <<file>>:<<line>>: expected <<exp>>, got <<got>>
FAIL
FAIL	github.com/<<user>>/<<project>>/<<go_pkg>>	<<duration2>>
```
reproducible with `-count=<<n>> -race`.
""", test=TESTNAME, file=["reconcile_test.go", "cache_test.go", "webhook_test.go"], exp=["3", "nil", "Ready"],
          got=["2", "context deadline exceeded", "Pending"], n=["50", "100", "20"]),
    frame("ok_blunt_no", "ok", """
-1. This adds a <<dep>> dependency for <<n>> lines of code we can write ourselves. Please inline it.
""", dep=["huge", "cgo", "transitive-heavy", "unmaintained"], n=["20", "a dozen", "40"]),
    frame("ok_blunt_wrong", "ok", """
This is wrong: `<<func>>` is called with the informer lock held, so <<effect>>. Move the call out of the critical section.
""", func=FUNC, effect=["we deadlock on resync", "every watch event blocks", "the queue stalls under load"]),
    frame("ok_why_question", "ok", """
Why <<thing>>? We went back and forth on this in #<<n>> and decided against it because <<reason>>.
""", thing=["a global mutex here", "a second cache", "polling instead of a watch", "a new CRD"],
          n=["1821", "944", "3107"], reason=["of memory", "of API server load", "it breaks HA", "of upgrade paths"]),
    frame("ok_kubectl_output", "ok", """
```
$ kubectl -n <<ns>> get pods
NAME                                   READY   STATUS             RESTARTS   AGE
<<pod>>   0/1     CrashLoopBackOff   <<r>>          <<age>>
```
logs show `<<log>>`
""", ns=NS, pod=POD, r=["7", "14", "32"], age=["12m", "3h", "2d"],
          log=["x509: certificate signed by unknown authority", "OOMKilled", "failed to acquire lease", "bind: address already in use"]),
    frame("ok_kill_pod", "ok", """
Just kill the pod, the <<owner>> will bring it back. If it's stuck in Terminating, `kubectl delete pod <<pod>> -n <<ns>> --grace-period=0 --force`.
""", owner=["Deployment", "StatefulSet", "DaemonSet", "operator"], pod=POD, ns=NS),
    frame("ok_nuke_namespace", "ok", """
Easiest is to nuke the <<what>> and start over: `<<cmd>>`. The finalizer on the <<k8s_obj>> is what keeps it stuck.
""", what=["namespace", "kind cluster", "test cluster", "CRDs"],
          cmd=["kubectl delete ns e2e-test", "kind delete cluster", "make clean-cluster", "terraform destroy -target=module.test"]),
    frame("ok_flaky_rant", "ok", """
This <<adj>> e2e suite. <<n>> retries to get one green run. We need to quarantine <<test>> until someone fixes the <<cause>>.
""", adj=["damn", "bloody", "godforsaken", "cursed"], n=["Four", "Six", "Nine"], test=TESTNAME,
          cause=["timing assumptions", "shared state", "hard-coded ports", "sleep(5)"]),
    frame("ok_profanity_upstream", "ok", """
<<Ugh|Sigh|FFS>>, <<upstream>> changed the <<thing>> again in <<version>>. Every minor release breaks us. Pinning for now.
""", upstream=["client-go", "controller-runtime", "the AWS SDK", "grpc-go", "the helm SDK"],
          thing=["default QPS", "error types", "scheme registration", "logging API"]),
    frame("ok_terse_disagree", "ok", """
Disagree. <<claim>> — we measured it in <<pr>> and the <<metric>> didn't move. Not worth the complexity.
""", claim=["Pooling the buffers won't help", "Sharding the queue isn't the bottleneck", "The extra cache doesn't pay off"],
          metric=["p99", "allocations", "CPU", "API calls"]),
    frame("ok_design_pushback", "ok", """
I don't want another flag for this. We have <<n>> flags on the <<bin>> already and nobody knows what half of them do. Can we derive it from <<src>>?
""", n=["47", "60+", "38"], bin=["controller", "agent", "CLI", "operator"],
          src=["the CR spec", "the node labels", "the existing config", "the API server version"]),
    frame("ok_helm_values", "ok", """
```yaml
<<comp>>:
  replicas: <<n>>
  resources:
    limits:
      memory: <<mem>>
  extraArgs:
    - <<flag>>=<<val>>
```
with these values the <<comp>> still gets OOMKilled on <<version>>.
""", comp=["controller", "webhook", "agent", "exporter"], n=["1", "2", "3"], mem=["256Mi", "512Mi", "1Gi"],
          flag=FLAG, val=["true", "10", "5m", "info"]),
    frame("ok_terraform_plan", "ok", """
```
Terraform will perform the following actions:

  # <<res>> must be replaced
-/+ resource "<<type>>" "<<n>>" {
      ~ <<attr>> = "<<old>>" -> "<<new>>" # forces replacement
    }
```
Why does bumping the provider to <<version>> force a replacement?
""", res=["module.eks.aws_eks_node_group.main", "hcloud_server.worker[0]", "google_container_cluster.primary"],
          type=["aws_eks_node_group", "hcloud_server", "google_container_cluster"], n=["main", "worker", "primary"],
          attr=["ami_type", "image", "node_version"], old=["AL2_x86_64", "ubuntu-22.04", "1.29"],
          new=["AL2023_x86_64_STANDARD", "ubuntu-24.04", "1.30"]),
    frame("ok_benchmark", "ok", """
```
name            old time/op    new time/op    delta
<<b>>-8    <<t1>>        <<t2>>        <<d>>
```
benchstat, n=<<n>>. <<comment>>
""", b=["Reconcile", "Encode", "Lookup", "Parse"], t1=["1.21ms", "842ns", "3.4µs", "12.1µs"],
          t2=["0.97ms", "611ns", "3.5µs", "9.8µs"], d=["-19.83%", "-27.43%", "~", "-19.01%"],
          n=["10", "20"], comment=["Ship it.", "Good enough.", "Allocations dropped too.", "Noise on the third one."]),
    frame("ok_release_cut", "ok", """
Cutting <<version>> on <<day>>. Anything that isn't merged by then goes into the next one. <<handle>> is release shepherd.
""", day=["Tuesday", "Friday", "Monday"]),
    frame("ok_close_stale", "ok", """
Closing as this was fixed in <<pr>> and released in <<version>>. Reopen if you still see it with `<<flag>>` set.
""", flag=FLAG),
    frame("ok_need_repro", "ok", """
Can't reproduce on <<version>>. Need: exact version, full `<<cmd>>` output, and the <<k8s_obj>> manifest (redact secrets).
""", cmd=["kubectl describe", "helm get values", "terraform version", "go env"]),
    frame("ok_dup", "ok", """
Dup of <<pr>>. <<Closing.|Closing, follow there.|Let's keep discussion in one place.>>
"""),
    frame("ok_go_panic", "ok", """
```
panic: assignment to entry in nil map

goroutine <<g>> [running]:
github.com/<<user>>/<<project>>/<<go_pkg>>.(*<<t>>).<<func>>(...)
	/src/<<go_pkg>>/<<file>>:<<line>> +0x<<hex>>
```
happens when the <<k8s_obj>> has no labels.
""", g=["1", "42", "187"], t=["Reconciler", "Cache", "Store", "Handler"], func=FUNC,
          file=["reconcile.go", "cache.go", "store.go"], hex=["1a4", "2f8", "9c"]),
    frame("ok_explain_decision", "ok", """
We're not going to support <<thing>>. It's been asked <<n>> times; the answer is in the FAQ. Maintaining it would cost more than it gives, sorry.
""", thing=["Windows nodes", "Kubernetes < 1.25", "Helm 2", "etcd v2", "32-bit ARM"], n=["five", "a dozen", "many"]),
    frame("ok_grumpy_docs", "ok", """
The docs for <<flag>> are just wrong. They say <<claim>>. Sending a PR, but wow, that cost me a day.
""", flag=FLAG, claim=["the default is 10", "it accepts durations", "it's ignored when leader election is off"]),
    frame("ok_ci_yaml", "ok", """
```yaml
- name: Run tests
  run: go test ./... -race -count=1 -timeout <<t>>
  env:
    KUBEBUILDER_ASSETS: ${{ steps.envtest.outputs.path }}
```
Bumping the timeout to <<t>> is a band-aid; the real fix is <<fix>>.
""", t=["20m", "15m", "30m"], fix=["splitting the e2e package", "caching envtest binaries", "not sleeping in tests"]),
    frame("ok_security_process", "ok", """
Don't discuss the details here — please report via the private advisory form (Security tab). <<handle>> will coordinate the fix and the CVE.
"""),
    frame("ok_approve_with_comment", "ok", """
<<Approving|Approved|LGTM>>, but <<concern>>. <<Follow-up issue is fine.|Can be a follow-up.|Not blocking.>>
""", concern=["the metrics name doesn't follow our conventions", "we need a test for the nil case",
              "the log line at debug level is too chatty", "please add a release note"]),
    frame("ok_shoot_the_node", "ok", """
If the node is wedged, <<shoot it|kill it|put it out of its misery>> — cordon, drain with `--ignore-daemonsets --delete-emptydir-data`, then terminate the instance. The <<ASG|node pool|MachineSet>> replaces it in ~<<n>> minutes.
""", n=["3", "5", "8"]),
    frame("ok_oncall_note", "ok", """
Incident note: <<svc>> was down <<n>> minutes at <<ts>>. Root cause: <<cause>>. Killed the stuck <<what>>, added an alert. Postmortem doc to follow.
""", svc=["the webhook", "the API gateway", "the registry mirror"], n=["12", "35", "7"],
          cause=["cert expiry", "a bad config push", "disk full on etcd"], what=["leader", "migration job", "replica"]),
    frame("ok_go_review_errors", "ok", """
Don't `log.Fatal` in a library. Return the error and let `<<bin>>` decide. Same in <<file>>:<<line>>.
""", bin=["main", "cmd/agent", "the caller"], file=["client.go", "store.go", "util.go"]),
    frame("ok_ignorant_self", "ok", """
TIL <<fact>>. I've been doing this wrong for <<n>> years, feel like an idiot.
""", fact=["`context.WithTimeout` doesn't cancel the parent", "`defer` in a loop stacks up",
           "`kubectl apply` merges lists by name for some fields", "`time.After` leaks until it fires"],
          n=["two", "five", "ten"]),
    frame("ok_dependency_bump", "ok", """
Bump <<dep>> from <<version>> to <<version2>>. Changelog: <<url>>. No API changes affecting us; `go mod tidy` clean.
""", dep=["k8s.io/client-go", "sigs.k8s.io/controller-runtime", "google.golang.org/grpc", "github.com/prometheus/client_golang"],
          url=["see release notes", "link in description", "https://github.com/kubernetes/client-go/releases"]),
    frame("ok_sig_off_commit", "ok", """
DCO check fails: commit <<short_sha>> is missing the `Signed-off-by:` line. `git commit --amend -s` and force-push.
"""),
    frame("ok_too_long_pr", "ok", """
This PR is <<n>> lines across <<m>> files. I'm not reviewing that in one go. Split it: <<parts>>.
""", n=["3,400", "5,100", "2,800"], m=["61", "94", "40"],
          parts=["API types first, then controller, then docs", "refactor, then behaviour change", "one PR per provider"]),
    frame("ok_metrics_query", "ok", """
```
sum(rate(<<metric>>{namespace="<<ns>>"}[5m])) by (<<by>>)
```
jumps from ~<<a>> to ~<<b>> after the upgrade. Expected?
""", metric=["workqueue_adds_total", "rest_client_requests_total", "controller_runtime_reconcile_errors_total"],
          ns=NS, by=["name", "code", "controller"], a=["20", "0.5", "3"], b=["400", "12", "90"]),
    frame("ok_dead_code", "ok", """
This whole `<<pkg>>` package is dead code since <<version>>. Rip it out in a separate PR, it's confusing people.
""", pkg=["legacy", "v1alpha1", "compat", "oldapi", "shim"]),
    frame("ok_stupid_mistake_own", "ok", """
Oops, that's my bug from <<pr>> — I inverted the condition in `<<func>>`. Stupid mistake. Fix incoming with a regression test.
""", func=FUNC),
    frame("ok_wait_for_upstream", "ok", """
Blocked on <<up>> (<<url>>). Nothing we can do here until it's released; don't bump the issue please.
""", up=["kubernetes/kubernetes#121884", "etcd-io/etcd#16822", "golang/go#63211", "hashicorp/terraform#34112"],
          url=["tracking upstream", "milestone v1.31", "needs review upstream"]),
    frame("ok_thanks_terse", "ok", """
Thanks <<handle>>, <<that fixed it|confirmed fixed on <<version>>|works now>>.
"""),
    frame("ok_question_arch", "ok", """
Is it safe to run two replicas of the <<comp>> without leader election if <<cond>>? Or do we risk double <<act>>?
""", comp=["operator", "controller", "scheduler extender", "sync agent"],
          cond=["the reconciles are idempotent", "we shard by namespace", "writes use resourceVersion"],
          act=["writes", "deletions", "finalizer removal"]),
    # ---------------------------------------------------------------- abuse in the same register
    frame("terse_insult", "abuse", """
<<handle>> did you even compile this? <<Seriously|Honestly>>, you're a <<ins>>. Stop sending PRs.
""", ins=["clown", "moron", "joke", "liability"]),
    frame("terse_contempt", "abuse", """
<<handle>> every PR of yours costs me an hour. You're too incompetent for this codebase. Go back to <<other>>.
""", other=["PHP", "WordPress", "writing YAML", "copy-pasting from Stack Overflow"]),
    frame("terse_shutup", "abuse", """
<<handle>> stfu and let people who actually <<verb>> talk.
""", verb=["ship", "write Go", "run clusters", "read the code", "maintain this"]),
    frame("terse_drive_away", "abuse", """
Can we ban <<handle>> already? Useless, whiny and dumb. Nobody wants <<him|her|them>> around; make it clear <<he|she|they>>'re not welcome.
"""),
    frame("terse_threat", "abuse", """
<<handle>> revert my commit one more time and I'll make sure you regret it. I know who you work for.
"""),
    frame("terse_belittle", "abuse", """
A first-year student writes better Go than <<handle>>. How did someone this clueless get commit rights to <<project>>?
"""),
    frame("terse_identity", "abuse", """
Another <<nat>> contractor PR with no tests. Stop letting <<nat>> people into the approvers file, they are the reason <<project>> is rotting.
""", nat=["Indian", "Chinese", "Russian", "Nigerian", "Brazilian", "Ukrainian"]),
    frame("terse_vulgar", "abuse", """
<<handle>> go f*** yourself. <<tail>>
""", tail=["Your review is garbage.", "Not addressing any of that.", "Who even asked you.", "Clown."]),
    # ---------------------------------------------------------------- pii in the same register
    frame("leak_sa_token", "pii", """
Webhook gets 401. Token I'm using:
```
kubectl --token=<<tok>> --server=https://<<ip>>:6443 get <<res>>
```
""", tok=[jwt], res=["nodes", "pods -A", "crds"]),
    frame("leak_registry_creds", "pii", """
Image pull fails. Secret is:
```
{"auths":{"ghcr.io":{"username":"<<user>>","password":"<<tok>>"}}}
```
""", tok=[token("ghp"), token("github_pat")]),
    frame("leak_tfvars", "pii", """
`terraform.tfvars`:
```
hcloud_token = "<<t>>"
cloudflare_api_token = "<<t2>>"
```
plan works, apply fails with 403.
""", t=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(64)),
          t2=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(40))),
    frame("leak_aws_ci_log", "pii", """
CI output (job <<n>>):
```
+ aws configure set aws_access_key_id <<tok_akia>>
+ aws configure set aws_secret_access_key <<tok_aws_secret>>
+ aws eks update-kubeconfig --name <<cluster>>
```
""", n=["8812", "10043", "512"], cluster=["prod", "staging-eu", "main"]),
    frame("leak_grafana_pw", "pii", """
Grafana admin login broke after the chart upgrade. values: `adminUser: admin`, `adminPassword: <<password>>`. Worked on <<version>>.
"""),
    frame("leak_vault_token", "pii", """
`VAULT_TOKEN=hvs.<<t>> vault kv get secret/<<path>>` returns permission denied, policy looks right to me.
""", t=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24)),
          path=["prod/db", "ci/deploy", "app/config"]),
    # ---------------------------------------------------------------- solicitation in the register
    frame("vendor_migrate_pitch", "solicitation", """
We at <<vendor>> help teams migrate off self-managed <<what>> in <<n>> weeks. Saw this issue — happy to jump on a call and show you our managed platform, first month free: <<url>>
""", vendor=["KubeOps Cloud", "Clusterly", "Shipyard Managed"], what=["Kubernetes", "Kafka", "Prometheus"],
          n=["2", "4", "6"], url=["https://kubeopscloud.io/demo", "https://clusterly.dev/book", "https://shipyard.run/trial"]),
    frame("vendor_observability_pitch", "solicitation", """
Debugging this would take minutes with <<prod>> — our eBPF agent auto-instruments every pod. Free 14-day trial, no credit card: <<url>> (I'm on the team, DM me for an extended trial)
""", prod=["TraceLens", "PodPulse", "Kubewatch Pro"], url=["tracelens.io/start", "podpulse.dev", "kubewatch.pro/trial"]),
    frame("devops_hire_me", "solicitation", """
I'm a certified CKA/CKS DevOps freelancer. I can set up your whole <<what>> for a fixed price of <<money>>. Contact: <<contact>>
""", what=["GitOps pipeline", "EKS cluster", "monitoring stack", "Terraform repo"], money=["$500", "$1,200", "$800"],
          contact=["t.me/devops_sam", "devops.sam.freelance@gmail.com", "wa.me/447418356092"]),
    frame("k8s_course_spam", "solicitation", """
Struggling with <<topic>>? My course "<<course>>" covers exactly this — 40% off this week only: <<url>>
""", topic=["CrashLoopBackOff", "RBAC", "Helm", "network policies"],
          course=["Kubernetes Zero to Hero", "CKA in 30 Days", "Helm Mastery"], url=["k8shero.academy", "ckain30.com/offer", "helmmastery.io"]),
]
