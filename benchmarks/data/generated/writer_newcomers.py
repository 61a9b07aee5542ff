"""Writer "newcomers": students, first-time contributors, and the people who answer them."""

from __future__ import annotations

from gen_common import frame

WRITER = "newcomers"

COURSE = ["my data structures course", "a university project", "my final-year project", "a bootcamp assignment",
          "my operating systems lab", "a school hackathon"]
ASK = ["Can I work on this issue?", "Please assign this issue to me.", "I would like to contribute to this.",
       "Is this issue still open? I want to take it.", "Hi, I am interested in solving this."]

FRAMES = [
    # ---------------------------------------------------------------- ok
    frame("ok_assign_me", "ok", """
<<ask>> <<I am a beginner but I will try my best.|I have experience with <<lang>>.|This will be my first contribution.|>><< 🙏| 😊|>>
""", ask=ASK),
    frame("ok_kindly_assign", "ok", """
Respected <<sir|ma'am|maintainers>>, kindly assign me this issue under <<prog>>. I will complete it within <<n>> days. Thank you.
""", prog=["Hacktoberfest", "GSSoC", "SWOC", "my college's open source week"], n=["2", "3", "7"]),
    frame("ok_first_pr", "ok", """
This is my first PR ever! 🎉 I fixed the typo in `<<file>>` (<<typo>>). Please let me know if I did anything wrong, I'm still learning git.
""", file=["README.md", "docs/install.md", "CONTRIBUTING.md", "docs/faq.md"], typo=["\"recieve\" → \"receive\"", "\"seperate\" → \"separate\"", "\"teh\" → \"the\"", "a broken link"]),
    frame("ok_hacktoberfest_name", "ok", """
Added my name to the contributors list<<| for Hacktoberfest| 😄|>>. <<Please merge.|Please accept my PR.|Hope this counts!>>
"""),
    frame("ok_basic_question", "ok", """
Sorry if this is a stupid question, I'm new to <<lang>>. How do I <<task>>? I followed the README but I get `<<err>>`.
""", task=["install this", "run the tests", "build the project", "import the module"],
          err=["command not found", "No module named src", "permission denied", "cannot find package"]),
    frame("ok_student_course", "ok", """
Hi! I'm using <<project>> for <<course>> and I'm confused about <<what>>. Could someone explain or point me to an example? Thanks a lot, this project is really helping me learn.
""", course=COURSE, what=["how the plugins are loaded", "the config format", "what the `--dry-run` flag does", "how to write a test"]),
    frame("ok_mentor_answer", "ok", """
Welcome <<handle>>! Not a stupid question at all. You need to <<step>> first; the README assumes it. I've opened a PR to make that clearer. Let us know if you get stuck again.
""", step=["activate the virtualenv", "run `npm install`", "install Go 1.22", "clone with `--recursive`"]),
    frame("ok_mentor_redirect", "ok", """
Thanks for your interest <<handle>>! We don't assign issues; just open a PR when you're ready and link this issue. If someone else already opened one, have a look at the `good first issue` label for others.
"""),
    frame("ok_stop_asking_politely", "ok", """
Hi all, please stop commenting "can I work on this" — <<n>> people have asked. The first PR that passes review gets merged. Comments like that will be <<hide>> to keep the thread readable.
""", n=["twenty", "over thirty", "fifteen"], hide=["hidden", "marked off-topic", "minimized"]),
    frame("ok_overapologetic", "ok", """
I'm so sorry, I accidentally <<oops>>. I didn't mean to. How can I undo it? <<Sorry again for the trouble 🙇|Really sorry!!|Please forgive me, I'm new 🙏>>
""", oops=["pushed to the wrong branch", "closed the issue", "tagged everyone", "opened the PR against main instead of my fork"]),
    frame("ok_do_needful", "ok", """
The build is failing after my changes. <<what>>. Please do the needful and guide me, I am stuck since <<n>> days.
""", n=["two", "three", "four"], what=["Error attached", "Screenshot attached", "Log is below"]),
    frame("ok_student_frustration", "ok", """
I've been trying to set this up for my <<c>> for <<n>> hours and I'm about to cry 😭 Windows keeps saying `<<err>>`. Is Windows even supported?
""", c=["class", "assignment", "capstone"], n=["five", "eight", "three"], err=["'make' is not recognized", "Access is denied", "The system cannot find the path specified"]),
    frame("ok_review_newcomer_firm", "ok", """
Thanks <<handle>>, but this PR only changes whitespace in <<n>> files. We can't merge changes like this; please pick an issue from the `good first issue` label instead. Closing.
""", n=["12", "30", "4"]),
    frame("ok_grateful_merged", "ok", """
My first PR got merged!!! Thank you <<handle>> for the patient review, I learned so much about <<what>> 🥳
""", what=["writing tests", "git rebase", "error handling", "documentation"]),
    frame("ok_asks_for_mentor", "ok", """
Is there anyone who can mentor me for <<prog>>? I know <<lang>> basics and want to contribute to <<area>>. I can spend <<n>> hours a week.
""", prog=["GSoC", "Outreachy", "Hacktoberfest", "LFX mentorship"], area=["the CLI", "the docs", "the web UI", "testing"], n=["5", "10", "20"]),
    frame("ok_homework_question_ok", "ok", """
For my homework I need to explain how <<project>> handles <<what>>. I read the code in `<<file>>` but I'm not sure I understood. Is it <<guess>>?
""", what=["retries", "caching", "concurrency", "configuration"], file=["retry.go", "cache.py", "worker.rs", "config.ts"],
          guess=["exponential backoff", "an LRU", "a worker pool", "layered defaults"]),
    frame("ok_beginner_github", "ok", """
How do I <<task>>? I'm new to GitHub and the "<<btn>>" button is greyed out for me.
""", task=["update my fork", "resolve the conflict", "add a reviewer", "re-run the checks"], btn=["Sync fork", "Resolve conflicts", "Reviewers", "Re-run jobs"]),
    frame("ok_group_project", "ok", """
We are a group of <<n>> students and want to add <<feat>> as our semester project. Would the maintainers accept it if we split it into small PRs? We have until <<when>>.
""", n=["three", "four", "five"], feat=["a dark theme", "Windows installer", "Spanish translation", "an export command"], when=["December", "the end of May", "next month"]),
    frame("ok_newbie_hindi_english", "ok", """
Sir I am trying to run project but getting error `<<err>>`. I have installed everything as per README. <<tail>>
""", err=["npm ERR! code ENOENT", "ModuleNotFoundError: No module named 'flask'", "JAVA_HOME is not set", "go: command not found"], tail=["Please help, I am new in coding.", "Kindly guide.", "Please reply fast, submission is tomorrow."]),
    frame("ok_thanks_resource", "ok", """
Thanks for the link to <<res>>, that explained it perfectly. <<c>> since it was a misunderstanding on my side.
""", res=["the Git book", "the contributor guide", "the architecture doc", "the video walkthrough"], c=["Closing this", "I'll close the issue", "Closing"]),
    frame("ok_template_unfilled", "ok", """
**Describe the bug**
<<desc>><<| on <<os>>| after update|>>

**To Reproduce**
Steps to reproduce the behavior:
1. Go to '...'
2. Click on '....'

**Expected behavior**
A clear and concise description of what you expected to happen.
""", desc=["its not working", "app crash", "getting error when i run", "login not working please fix"]),
    frame("ok_screenshot_only", "ok", """
<<same error|this error|error>> <<please help|pls check|any solution?>> [screenshot](https://user-images.githubusercontent.com/<<n>>/<<m>>.png)
""", n=["88123412", "10442311", "77120034"], m=["image-1", "Screenshot_2026", "error"]),
    frame("ok_plus_one", "ok", """
<<+1|same here|Same issue on <<os>>|facing the same problem>><<| 👍|, any update?|>>
"""),
    frame("ok_learning_journey", "ok", """
Just wanted to share: <<n>> months ago I didn't know what git was, and today my <<ord>> PR to <<project>> got merged. Thanks to everyone here for being so welcoming to beginners ❤️
""", n=["six", "eight", "three"], ord=["fifth", "tenth", "first"]),
    frame("ok_reviewer_teaching", "ok", """
Nice start <<handle>>! Two things: 1) tests go in `<<dir>>`, not next to the source; 2) please run `<<fmt>>` before committing. Don't worry, everyone gets these comments on their first PR.
""", dir=["tests/", "test/", "__tests__/"], fmt=["make fmt", "npm run lint -- --fix", "black .", "gofmt -w ."]),
    frame("ok_deadline_pressure", "ok", """
My submission is <<when>> and the library crashes on <<what>>. I know it's not your problem, just asking if there's a quick workaround. Thank you!!
""", when=["tomorrow", "in 6 hours", "on Monday"], what=["large files", "Windows", "Python 3.12", "empty input"]),
    frame("ok_interview_question", "ok", """
Off-topic, sorry: I have an interview about <<topic>> <<when>> and this codebase uses it a lot. Is there a part of the code you'd recommend reading to understand it?
""", topic=["goroutines", "async/await", "dependency injection", "event sourcing"], when=["next week", "tomorrow", "on Friday"]),
    frame("ok_translate_offer", "ok", """
I speak <<lang>> natively and would like to translate the docs. Is there a process for that, or should I just open a PR with `docs/<<code>>/`?
""", lang=[("Hindi", "hi"), ("Swahili", "sw"), ("Bengali", "bn"), ("Vietnamese", "vi"), ("Tagalog", "tl")], code=["<<lang.1>>"]),
    frame("bootcamp_refund_scam", "solicitation", """
Our <<prog>> guarantees a <<salary>> job after 12 weeks or full refund. Only <<seats>> seats left for this batch, apply today: <<url>>
""", prog=["Full-Stack Fast Track", "DevOps Career Program", "AI Engineer Bootcamp"], salary=["$90k", "₹12 LPA", "€60k"],
          seats=["5", "8", "3"], url=["fasttrack-coding.com", "devopscareer.in/apply", "aiengineer-bootcamp.io"]),
    frame("fake_scholarship", "solicitation", """
Congratulations <<handle>>! You've been selected for the <<name>> developer scholarship worth <<amt>>. Pay the <<fee>> processing fee to claim: <<url>>
""", name=["Global Tech", "OpenCode Future", "DevTalent"], amt=["$5,000", "$10,000"], fee=["$25", "$49"], url=["globaltech-scholar.org", "opencode-future.net/claim", "devtalent-grant.com"]),
    frame("mentor_mocks_newcomer", "abuse", """
Wow <<handle>>, <<n>> hours and you still couldn't <<task>>? I've seen smarter questions from a toddler. Maybe coding just isn't for people like you.
""", n=["three", "five", "two"], task=["clone a repo", "fix a typo", "run one command"]),
    frame("newcomer_threat", "abuse", """
<<handle>> if you close my PR again I'll post your personal details everywhere. I need this for my certificate, don't mess with me.
"""),
    frame("student_list_leak", "pii", """
Here is our team list for the project submission:
<<person>> — <<email>> — <<phone>>
<<person2>> — <<email2>> — <<phone2>>
"""),
    frame("student_card_fee", "pii", """
I paid the <<prog>> fee but didn't get access. Paid with card <<card>>, transaction on <<date>>. Please check.
""", prog=["workshop", "certification", "mentorship"], date=["12 Oct", "3 Nov", "yesterday"]),
    frame("student_address_swag", "pii", """
For the Hacktoberfest swag please send to my friend <<person>>, <<address>>, phone <<phone>> — I'm not at home this month.
"""),
    # ---------------------------------------------------------------- solicitation aimed at students
    frame("assignment_offer", "solicitation", """
Students! Stuck with <<what>>? We do assignments, projects and theses in <<lang>>, plagiarism-free, on time. WhatsApp <<wa>> for a quote.
""", what=["your programming assignment", "your final-year project", "your lab report"], wa=["+91 98712 40358", "+44 7418 356092", "+92 301 4455667"]),
    frame("project_for_sale", "solicitation", """
Selling ready-made final year projects with source code and report: <<topic>>. Only <<price>>. DM <<tg>>
""", topic=["AI chatbot", "e-commerce site", "face recognition attendance", "hospital management system"], price=["₹1999", "$49", "$25"],
          tg=["@fyp_projects", "@projectstore_in", "@readymade_projects"]),
    frame("internship_cert_scam", "solicitation", """
🎓 Get an internship certificate from a top tech company in just <<days>> days! Virtual internship, no interview, fee <<fee>>. Register: <<url>>
""", days=["7", "15", "30"], fee=["₹499", "$29", "$15"], url=["virtualintern-certs.com", "techintern.online", "certify-intern.in"]),
    frame("earn_while_learning", "solicitation", """
Hey <<handle>>, saw you're a student. I was too, now I earn <<money>>/month from my laptop with a simple system, no coding. Want me to show you? Message me on Instagram <<ig>>
""", money=["$3,000", "$1,500", "₹80,000"], ig=["@richstudent_life", "@freedom.with.jay", "@laptoplifestyle_amy"]),
    frame("paid_contribution_service", "solicitation", """
Want green squares and merged PRs on your profile for job applications? We make <<n>> real contributions to popular repos under your account every month. Plans from <<price>>: <<url>>
""", n=["20", "50", "100"], price=["$19", "$39"], url=["greensquares.dev", "commitboost.io", "contribpro.net"]),
    frame("coding_tutor_ad", "solicitation", """
I am a professional <<lang>> tutor. I will teach you and complete your coding tasks, 1-on-1 sessions, cheap price. Email <<mail>>
""", mail=["tutor.codewithme@gmail.com", "learnfast.code@outlook.com", "cheap.tutor.dev@gmail.com"]),
    # ---------------------------------------------------------------- abuse
    frame("belittle_newcomer_harsh", "abuse", """
<<handle>> seriously? You can't even <<task>> and you want to contribute here? Go back to school, you're wasting everyone's time, idiot.
""", task=["install Python", "use git", "read an error message", "open a terminal"]),
    frame("mock_english", "abuse", """
"Please do the needful" lmao. <<handle>> learn English before opening issues, nobody can understand your broken garbage. Typical.
"""),
    frame("newcomer_shutup", "abuse", """
<<handle>> stop spamming "assign me" on every issue, you brainless <<ins>>. Nobody wants you here.
""", ins=["leech", "clown", "parasite"]),
    frame("newcomer_identity", "abuse", """
Every October the same flood of <<who>> students spamming garbage PRs. <<act>>
""", who=["Indian", "Pakistani", "Nigerian", "Bangladeshi"], act=["Ban the whole country from Hacktoberfest.", "Block every account from there.", "They shouldn't be allowed near open source."]),
    frame("newcomer_pile_on", "abuse", """
Everyone downvote <<handle>>'s PRs and tell them to quit. Let's make sure they never open another one here.
"""),
    # ---------------------------------------------------------------- pii
    frame("student_own_details", "pii", """
For the certificate please use my details: <<person>>, student id <<sid>>, Aadhaar <<aadhaar>>, phone <<phone>>.
""", sid=["CS21B1042", "2021UCS0413", "19BCE2231"]),
    frame("classmate_details", "pii", """
My teammate <<person>> isn't responding, if the maintainers need to contact him his number is <<phone>> and email <<email>>.
"""),
    frame("student_password_paste", "pii", """
I can't push, it asks for a password. I typed my GitHub password <<password>> but it says authentication failed. Username <<user>>.
"""),
    frame("student_token_paste", "pii", """
I created a token like the docs said: `<<tok_ghp>>` but `git push` still fails. What am I doing wrong?
"""),
]
