"""Writer "enterprise": corporate developers, managers and procurement in formal register."""

from __future__ import annotations

from gen_common import frame

WRITER = "enterprise"

CORP = [("Nordbank AG", "nordbank.de"), ("Allied Mutual Insurance", "alliedmutual.com"), ("Shopwave Retail Ltd", "shopwave.co.uk"),
        ("Helios Health Systems", "helioshealth.com"), ("Kiwa Logistics BV", "kiwalogistics.nl"), ("Meridian Telecom", "meridiantel.com")]
ROLE = ["Senior Software Engineer", "Platform Architect", "Engineering Manager", "DevOps Lead", "IT Security Officer", "Solution Architect"]
TICKET = ["INC0042817", "CHG-20931", "PRJ-1182", "SR 4410-221", "JIRA PLAT-3390", "RFC-7712"]
FOOTER = ["This e-mail may contain confidential information. If you are not the intended recipient, please notify the sender and delete it.",
          "The information in this message is intended solely for the addressee. Any unauthorised use is prohibited.",
          "Please consider the environment before printing this e-mail."]

FRAMES = [
    # ---------------------------------------------------------------- ok
    frame("ok_formal_bug", "ok", """
Dear <<project>> team,

We have observed that <<symptom>> after upgrading to <<version>> in our pre-production environment (internal reference <<ticket>>). Rolling back resolves the issue. Could you please advise whether this is a known regression?

Kind regards,
<<person>>
<<role>>, <<corp>>
""", symptom=["TLS connections are reset under load", "the scheduler skips jobs at midnight UTC", "memory usage grows steadily", "LDAP group sync fails"],
          ticket=TICKET, role=ROLE, corp=[c for c, _ in CORP]),
    frame("ok_signature_office", "ok", """
Thanks, confirmed fixed in our environment.

Best regards,
<<person>> | <<role>>
<<corp>> · <<corp.1>>
Office: <<office>>
""", role=ROLE, corp=CORP, office=["+49 69 2400 1000", "+44 20 7946 0815", "+1 212 555 0147", "+31 20 555 0199"]),
    frame("ok_confidential_footer", "ok", """
Please find the requested debug output attached (sanitised). We will schedule the upgrade for <<when>>.

<<footer>>
""", footer=FOOTER, when=["the next maintenance window", "Saturday's change window", "the Q3 release train"]),
    frame("ok_paying_customer_civil", "ok", """
As a paying customer of the hosted edition (contract <<c>>), we would appreciate an update on <<pr>>. This is blocking our <<what>>. We understand the open-source tracker is not the support channel and have also raised it with your support team.
""", c=["ENT-2291", "C-100482", "AG-7781"], what=["Q3 migration", "audit remediation", "data-centre move", "go-live"]),
    frame("ok_escalation_civil", "ok", """
I must escalate this: the defect has caused <<n>> production incidents at our site this month. I recognise the maintainers are volunteers; however, a statement on whether a fix is planned would help us decide between <<opt>>.
""", n=["three", "four", "six"], opt=["waiting and forking", "waiting and patching internally", "upgrading and rolling back"]),
    frame("ok_compliance_question", "ok", """
For our compliance review (<<std>>), could you confirm whether <<project>> <<q>>? A link to the relevant documentation would suffice.
""", std=["ISO 27001", "SOC 2", "DORA", "HIPAA", "PCI DSS"], q=["stores any data outside the configured database", "supports FIPS-validated cryptography",
                                                              "sends telemetry by default", "has had a third-party security audit"]),
    frame("ok_cla_corporate", "ok", """
Our legal department has approved the corporate CLA for <<corp>>. The signed document has been sent to the address in CONTRIBUTING.md. Contributors from our organisation are listed in the attached schedule.
""", corp=[c for c, _ in CORP], count=6),
    frame("ok_architecture_review", "ok", """
We are evaluating <<project>> for our internal platform. Our concerns are (1) <<c1>>, (2) <<c2>>, and (3) the long-term maintenance model. We would be glad to contribute engineering time if the roadmap aligns.
""", c1=["multi-tenancy isolation", "horizontal scaling beyond 50 nodes", "audit logging"], c2=["upgrade paths between majors", "backup and restore", "SSO integration"]),
    frame("ok_change_request", "ok", """
Change request <<ticket>>: upgrade <<project>> from <<version>> to <<version2>> in production. Rollback plan: redeploy the previous Helm release and kill the migration job if it is still running. Approvals: CAB <<date>>.
""", ticket=TICKET, date=["12 March", "4 June", "next Tuesday"]),
    frame("ok_procurement_legit", "ok", """
Our procurement team asks whether <<project>> is available under a commercial licence in addition to <<lic>>. If so, could you point us to the right contact? We do not need support, only licensing clarity.
""", lic=["AGPL-3.0", "GPL-3.0", "the BSL", "SSPL"]),
    frame("ok_upstream_contribution", "ok", """
<<We have|Our team has|<<corp>> has>> implemented <<feat>> internally and would like to upstream it. Our legal team has cleared the contribution under the project's licence. Would the maintainers prefer a single PR or a design document first?
""", feat=["SAML support", "an Oracle backend", "audit log export", "a Kerberos authenticator"], corp=[c for c, _ in CORP]),
    frame("ok_outage_report_corp", "ok", """
Post-incident summary (<<ticket>>): at <<t>> CET the <<svc>> stopped processing messages. On-call killed and restarted the consumer pods; throughput recovered after <<n>> minutes. Root cause appears related to <<pr>>.
""", ticket=TICKET, t=["02:14", "09:41", "17:05"], svc=["payment gateway", "order pipeline", "notification service"], n=["12", "25", "40"]),
    frame("ok_frustrated_formal", "ok", """
Frankly, the lack of a migration guide for <<version>> is disappointing. We spent <<n>> engineer-days reverse-engineering the changes. We would be willing to fund the documentation work if that helps.
""", n=["ten", "fifteen", "twenty"]),
    frame("ok_vendor_neutral_question", "ok", """
Does anyone run <<project>> on <<platform>> in a regulated environment? We'd be interested in hearing about experiences with <<aspect>>. Not looking for vendors, just peer experience.
""", platform=["OpenShift", "Azure AKS", "on-prem VMware", "GKE"], aspect=["air-gapped installs", "FIPS mode", "audit requirements", "change management"]),
    frame("ok_out_of_office", "ok", """
I am out of the office until <<date>> with limited access to e-mail. For urgent matters regarding <<ticket>>, please contact the platform team.
""", date=["14 August", "2 January", "Monday 9 June"], ticket=TICKET),
    frame("ok_meeting_notes", "ok", """
Notes from the <<corp>> / maintainers call on <<date>>:
- agreed to upstream the <<feat>> patch in two PRs
- <<corp>> will provide a CI runner for <<plat>>
- next sync in four weeks
Attendees: <<handle>>, <<handle2>>, <<person>>
""", corp=[c for c, _ in CORP], date=["3 March", "21 May", "9 September"], feat=["audit log", "FIPS", "proxy"], plat=["s390x", "ppc64le", "Windows Server"]),
    frame("ok_security_questionnaire_answer", "ok", """
Answering the questions from <<corp>>'s security questionnaire publicly, since others asked the same: we have no telemetry, releases are signed with Sigstore, and vulnerabilities go through SECURITY.md. We don't sign NDAs or fill in vendor forms; this thread is the answer.
""", corp=[c for c, _ in CORP], count=6),
    frame("ok_budget_sponsor", "ok", """
Good news: <<corp>> has approved a <<amt>> annual sponsorship of <<project>> through Open Collective, starting next quarter. No strings attached; we simply depend on it.
""", corp=[c for c, _ in CORP], amt=["$10,000", "€5,000", "$25,000"]),
    frame("ok_formal_thanks", "ok", """
On behalf of the platform team at <<corp>>, thank you for the swift resolution of <<pr>>. The fix has been deployed to production across <<n>> data centres without issues.
""", corp=[c for c, _ in CORP], n=["two", "three", "four"]),
    frame("ok_ticket_crossref", "ok", """
Internal tracking: <<ticket>>. Linking here for visibility; no action needed from maintainers. We'll report back once we have validated <<version>> in our test environment.
""", ticket=TICKET),
    frame("ok_legal_question", "ok", """
Our legal team has a question about the NOTICE file: does redistribution of the Docker image require including the <<what>>? We want to be compliant with <<lic>>.
""", what=["third-party licences", "NOTICE file", "source offer"], lic=["Apache-2.0", "the GPL", "MPL-2.0"]),
    frame("ok_kill_switch_feature", "ok", """
Feature request from our SRE team: a kill switch to disable <<feat>> at runtime without a redeploy. During incident <<ticket>> we had to kill every pod to turn it off.
""", feat=["outbound webhooks", "the background indexer", "auto-scaling", "the cache warmer"], ticket=TICKET),
    frame("ok_formal_disagreement", "ok", """
<<With respect|Respectfully|With all due respect>>, we disagree with the decision to drop <<what>>. A significant share of enterprise users still depend on it. Would the maintainers consider an LTS branch maintained by the affected companies?
""", what=["Java 11 support", "RHEL 8 packages", "the SOAP API", "Oracle support"]),
    frame("ok_hiring_disclosure_corp", "ok", """
Disclosure: I work for <<corp>>, which uses <<project>> heavily. My comments here are my own technical opinion and not a vendor position.
""", corp=[c for c, _ in CORP]),
    frame("ok_formal_perf_report", "ok", """
Performance comparison on our reference hardware (<<hw>>): <<version>> sustains <<a>> tx/s at p99 <<l1>> ms; <<version2>> sustains <<b>> tx/s at p99 <<l2>> ms. Methodology document available on request.
""", hw=["2x Xeon Gold 6338, 512 GB", "AMD EPYC 9454, 256 GB", "c7i.8xlarge"], a=["12,400", "8,900"], b=["14,100", "9,750"], l1=["41", "63"], l2=["38", "55"]),
    frame("ok_deprecation_impact", "ok", """
Impact analysis for the proposed removal of <<feat>>: <<n>> of our services call it, estimated migration effort <<weeks>> weeks. We would request one additional minor release with deprecation warnings.
""", feat=["the v1 API", "XML configuration", "the legacy auth plugin"], n=["14", "38", "6"], weeks=["three", "six", "ten"]),
    frame("ok_access_request", "ok", """
Could a maintainer grant <<handle>> triage permissions? They have been handling most of the <<area>> issues for the last months on behalf of <<corp>> and the community.
""", area=["Windows", "Helm chart", "documentation", "LDAP"], corp=[c for c, _ in CORP]),
    frame("consultancy_pitch_formal", "solicitation", """
Dear <<project>> maintainers,

Our consultancy, <<firm>>, specialises in enterprise adoption of open-source platforms. We would welcome the opportunity to present our migration and support services to you and your users. Please find our brochure at <<url>>.

Yours faithfully,
<<person>>
""", firm=["Apex Digital Advisory", "Crestline Consulting", "Bluewave Partners"], url=["apexdigital.advisory/brochure", "crestline-consulting.com/oss", "bluewavepartners.com/services"]),
    frame("lead_gen_pitch", "solicitation", """
Hi, I noticed <<corp>> engineers contributing here. We provide verified contact lists of IT decision-makers at companies using <<project>> — <<n>> contacts for <<price>>. Interested?
""", corp=[c for c, _ in CORP], n=["5,000", "12,000", "2,500"], price=["$499", "$1,200", "$299"]),
    frame("webinar_pitch", "solicitation", """
Join our free webinar "<<title>>" on <<date>> — learn how leading enterprises cut costs with <<prod>>. Register: <<url>>
""", title=["Modernising Legacy Platforms", "Zero-Downtime Migrations", "Open Source Without Risk"], date=["Thursday", "June 12", "next week"],
          prod=["our managed platform", "CloudNest Enterprise", "SupportBridge"], url=["webinars.cloudnest.dev/reg", "supportbridge.com/webinar", "oss-risk.events/register"]),
    frame("competitive_intel_formal", "solicitation", """
For an investment due-diligence report, we would appreciate the maintainers' estimate of (a) the number of production deployments of <<project>>, (b) the largest commercial users, and (c) annual support revenue. Compensation of <<fee>> is available for a one-hour interview: <<mail>>
""", fee=["$400", "€350", "$600"], mail=["dd@northbeam-research.com", "diligence@expertbridge.io", "research@gradientinsights.co"]),
    frame("corp_personal_mobile", "pii", """
For urgent questions about the integration please call our consultant <<person>> directly on <<phone>>; he is on site with the customer and won't check GitHub. His private email is <<email>>.
"""),
    frame("corp_card_paste", "pii", """
The payment module rejects the corporate card we use for testing in production: <<card>>, exp <<exp>>, CVC <<cvc>>. Please advise.
""", exp=["11/27", "06/28"], cvc=["318", "902", "555"]),
    frame("corp_api_key_mail", "pii", """
As requested, the API credentials for the sandbox integration: client id `<<cid>>`, secret `<<tok>>`. Please treat as confidential.
""", cid=["nb-integration-prod", "am-etl-client", "kl-sync"], tok=["<<tok_stripe>>", "<<tok_sendgrid>>", "<<tok_ghp>>", "<<tok_openai>>"]),
    frame("corp_belittle", "abuse", """
<<handle>>, I have junior engineers with six months' experience who write better code than this. It is embarrassing that someone of your calibre is a maintainer.
"""),
    frame("corp_pile_on", "abuse", """
I have asked my team and our partners to report <<handle>>'s account and to post negative reviews everywhere until they are removed as maintainer. Enough is enough.
"""),
    frame("corp_vulgar", "abuse", """
<<handle>> frankly you can shove your "community process" up your a**. Fix it or get out of the way.
"""),
    # ---------------------------------------------------------------- solicitation
    frame("reseller_pitch", "solicitation", """
Dear Sir or Madam,

<<vendor>> is an authorised reseller of enterprise open-source support. We can provide 24/7 SLA-backed support for <<project>> at <<price>> per year, significantly below the market rate. May we schedule a 20-minute call this week?

Best regards,
<<person>>, Account Executive
""", vendor=["OpenStack Partners GmbH", "Enterprise OSS Solutions", "SupportBridge Inc."], price=["€9,900", "$12,000", "$7,500"]),
    frame("vendor_assessment_questionnaire", "solicitation", """
As part of a market assessment for a client, please complete the attached vendor questionnaire: number of enterprise customers, annual revenue from support, top five customer names, and your pricing model. A <<fee>> honorarium is offered on completion. Contact: <<mail>>
""", fee=["$300", "€250", "$500"], mail=["assessments@marketlens-advisory.com", "vendors@gartlow-research.com", "survey@techinsight-partners.io"]),
    frame("outsourcing_pitch", "solicitation", """
Dear maintainers, <<vendor>> provides dedicated offshore engineering teams from <<rate>>/hour. We have delivered <<n>> projects for Fortune 500 clients. Kindly let us know a suitable time for an introductory call.
""", vendor=["Zentech Outsourcing", "GlobalDev Partners", "NearShore Pro"], rate=["$15", "$22", "$18"], n=["200+", "350", "120"]),
    frame("licence_audit_scare", "solicitation", """
Our records indicate your organisation may be using <<project>> in a way that requires a commercial licence. To avoid compliance penalties, contact our licensing desk at <<phone>> within 7 days for a discounted settlement.
""", phone=["+1 (888) 410-2273", "+44 20 3868 0041", "1-877-935-6621"]),
    frame("event_sponsorship_pitch", "solicitation", """
We'd like to invite <<project>> to exhibit at <<event>>. Exhibitor packages start at <<price>> and include a speaking slot and leads from <<n>> enterprise attendees. Book here: <<url>>
""", event=["DevOps Enterprise Forum", "CloudTech Summit Europe", "FinTech Engineering Expo"], price=["$4,900", "€3,500"], n=["2,000", "5,000"],
          url=["devopsforum.events/exhibit", "cloudtechsummit.eu/sponsor", "fintechexpo.com/packages"]),
    # ---------------------------------------------------------------- pii
    frame("crm_record_paste", "pii", """
The export job fails on this record from our CRM (<<ticket>>):

```
CustomerID: <<cid>>
Name: <<person>>
Email: <<email>>
Phone: <<phone>>
IBAN: <<iban>>
```
""", ticket=TICKET, cid=["C-0042881", "100238817", "CUST-77120"]),
    frame("service_account_creds", "pii", """
Please find the connection details for reproducing the issue in our staging environment:
Host: <<host>>
User: svc_<<proj>>
Password: <<password>>
""", host=["stg-db01.corp.nordbank.de", "10.42.8.17", "preprod-sql.alliedmutual.local"], proj=["integration", "reporting", "etl"]),
    frame("employee_data_paste", "pii", """
Payroll sync rejects this employee record:

| employee | SSN | bank account |
|---|---|---|
| <<person>> | <<ssn>> | <<iban>> |
"""),
    frame("corp_ldap_bind", "pii", """
LDAP sync config that reproduces the failure:

```yaml
ldap:
  url: ldaps://ldap.<<dom>>:636
  bindDN: cn=svc-sync,ou=service,dc=corp
  bindPassword: "<<password>>"
```
""", dom=["nordbank.de", "alliedmutual.com", "kiwalogistics.nl"]),
    # ---------------------------------------------------------------- abuse
    frame("manager_insult", "abuse", """
<<handle>>, your incompetence has cost my company <<amt>> this quarter. Frankly, you are not fit to maintain a to-do list, let alone infrastructure software. Resign.
""", amt=["€200,000", "$1.2M", "six figures"]),
    frame("manager_threat", "abuse", """
<<handle>>, be advised that if this is not fixed by <<date>> I will personally make sure every company in our industry knows your name and that you never work in this field again.
""", date=["Friday", "end of month", "the 15th"]),
    frame("corp_identity", "abuse", """
We will no longer accept patches from <<who>> engineers into our fork, and I <<suggest|strongly recommend|expect>> the upstream project does the same. Their work is consistently substandard.
""", who=["Indian", "Chinese", "Eastern European", "Nigerian"]),
    frame("corp_contempt", "abuse", """
To be blunt, <<handle>>: you are an amateur, your project is a liability, and your attitude towards paying users is disgraceful. People like you give open source a bad name.
"""),
]
