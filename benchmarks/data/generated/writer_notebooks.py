"""Writer "notebooks": data scientists and analytics engineers, long explanatory posts (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "notebooks"

HANDLES = ["@agnieszka-w", "@tuomas-data", "@keiko-n", "@olusegun-a", "@ferreira-lu",
           "@dr-hollis", "@marguerite-c", "@shreya-analytics", "@bjorn-e", "@camila-sql",
           "@yosef-b", "@wanjiru-k"]
PROJECTS = ["polarsheet", "nbtidy", "sqlmodelr", "frameflow", "nbtidy-lsp"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS)


FRAMES = [
    # ================================================================ ok: long technical, frustration at software
    f("ok_memory_error_long", "ok", """
I'm trying to join two tables (<<38M|52M>> and <<1.2M|900k>> rows) and the kernel dies every time. On a <<32 GB|64 GB>> machine:

```
MemoryError: Unable to allocate <<11.4|23.8>> GiB for an array with shape (<<38211904|52004117>>,) and data type object
```

IIUC the `object` dtype on the key column is the problem, <<but casting to `category` first doesn't help|but I can't find where it gets upcast>>. Is there a documented way to join on strings without materialising them?
"""),
    f("ok_dtype_rant", "ok", """
I've spent <<two days|most of this week>> on this and I have to say it: this dtype system is <<insane|a minefield|maddening>>. An integer column with one missing value silently becomes `float64`, then `to_parquet` writes `DOUBLE`, then the warehouse rejects it. <<I'm not blaming anyone, it's twenty years of history,|I know it's legacy,>> but can we at least get a warning?
"""),
    f("ok_heated_breaking_change", "ok", """
<<project>> <<version>> changed the default of `groupby(..., observed=)` without a deprecation cycle and <<every|half of our>> dashboards now show different totals. This is <<not acceptable|a really bad way to ship a breaking change>> for a library used in finance. Please revert in a patch release and deprecate properly.
"""),
    f("ok_frustrated_years", "ok", """
This issue is <<four|three>> years old and still the top search result for `SettingWithCopyWarning` false positives. <<I don't understand how this isn't a priority.|Is there anyone who owns this part of the code?>> I'd be happy to help if someone tells me what design you'd accept.
"""),
    f("ok_dbt_yaml_question", "ok", """
With `sqlmodelr` <<version>>, this model config:

```yaml
models:
  - name: fct_orders
    config:
      materialized: incremental
      unique_key: [order_id, <<line_id|updated_at>>]
```

produces a `MERGE` that <<duplicates rows on Snowflake|fails on BigQuery with "UPDATE/MERGE must match at most one source row">>. Is a composite key supported or is this a bug?
"""),
    f("ok_share_oss_tool", "ok", """
For profiling notebooks like this, <<scalene|memray|py-spy>> is open source and shows line-level allocation inside the kernel. I'm not involved with it; it found our leak in `apply(lambda ...)` in about <<five minutes|an hour>>. Usage: `%load_ext <<scalene|memray>>` then run the cell.
"""),
    f("ok_cite_paper", "ok", """
<<For the approximate quantiles,|On the t-digest question,>> Dunning & Ertl's paper is the usual reference, and <<the DDSketch paper (Masson et al., VLDB 2019)|KLL (Karnin, Lang, Liberty 2016)>> has tighter guarantees for the relative-error case. Either would fix the p99 drift you see on skewed data.
"""),
    f("ok_academic_study_approved", "ok", """
Hi all, I'm a PhD student at <<TU Delft|the University of Toronto|KTH>> studying how analysts debug notebooks. The maintainers agreed I could post this once: a 15-minute anonymous questionnaire, unpaid, ethics approval <<ERB-2026-114|REB #41872>>, results published openly. Link in the pinned Discussion.
"""),
    f("ok_maint_course_own", "ok", """
<<Since this keeps coming up:|To answer @-mentions about learning material:>> the free tutorial is in the docs under "Reshaping". I also teach a paid <<two-day workshop|course>> on <<project>> — it's linked from the project's website and funds my maintenance time, but everything in it is in the docs too.
"""),
    f("ok_jobs_thread_pointer", "ok", """
Please don't post job offers in bug reports. If your company is hiring people who work with <<project>>, use the pinned "Jobs" discussion, that's what it's for. <<Moved the last two comments there.|Hid the comments above as off-topic.>>
"""),
    f("ok_job_ontopic_dataeng", "ok", """
Context on why I care: I'm the only data engineer at a <<200-person|small>> <<insurer|NGO|e-commerce company>> and this bug means I re-run <<the nightly|a 3-hour>> backfill by hand every <<Monday|week>>. Not asking for priority, just explaining the real cost.
"""),
    f("ok_offer_to_take", "ok", """
I can take this. I looked at `frameflow/io/csv.py`: the `encoding_errors` argument is accepted but never forwarded to the C parser. <<Fix is one line plus a test with a latin-1 file.|I'll add a parametrised test for `strict`, `replace` and `ignore`.>> <<Assign me?|I'll open a PR tonight.>>
"""),
    f("ok_discuss_survey_spam", "ok", """
Observation from moderating the forum: we now get <<two or three|several>> "paid survey about your users" posts a week, <<always from accounts that never asked a question|mostly from accounts created the same day>>. I think we should add a line to the posting guidelines saying research requests need a maintainer's OK first.
"""),
    f("ok_report_quote_hostile", "ok", """
Reporting a reply I got on <<pr>>:

> <<people like you shouldn't be allowed to touch a dataframe|honestly just quit, you clearly have no aptitude for this|this is the dumbest PR I've seen all year and so are you>>

I'd appreciate a moderator looking at it. My question about the `merge_asof` tolerance is still open.
"""),
    f("ok_mod_names_contempt", "ok", """
A note on tone: telling someone <<"you clearly have no aptitude for this"|their work is "beneath review">> is a personal attack even if it's said politely. <<I've hidden the comment.|The comment is hidden.>> Disagree with the approach in `rolling_apply` all you like.
"""),
    f("ok_nonnative_long", "ok", """
Hello, I am data analyst from <<Indonesia|Vietnam|Brazil|Poland>>. When I read excel file with merged cells, <<project>> put NaN in all rows except first. In Excel it look like one value for <<5|3>> rows. I try `fill_merged=True` from documentation but get `TypeError: read_excel() got an unexpected keyword argument`. Maybe documentation is for newer version? I have <<version>>.
"""),
    f("ok_table_benchmark", "ok", """
I reran the benchmark on <<an m6i.2xlarge|my laptop (M1 Pro, 32 GB)>>:

| operation | <<version>> | main |
|---|---|---|
| read_parquet (<<4.1|8.3>> GB) | <<22.4|41.0>> s | <<13.9|25.2>> s |
| groupby-agg | <<9.8|15.1>> s | <<9.6|14.7>> s |

The I/O win is real; groupby is noise.
"""),
    f("ok_blunt_review_analytics", "ok", """
I don't think this is correct. `pct_change()` after `groupby` <<crosses group boundaries|uses the previous group's last row>> in your implementation, so the first row of each customer gets a nonsense value. <<The test passes only because every group in the fixture has one row.|Add a fixture with two customers.>>
"""),
    f("ok_notebook_idiom", "ok", """
<<Kill the kernel|Nuke the kernel>> and <<restart|clear all outputs>> before you run the reproduction — the <<stale|zombie>> variable `df_tmp` from cell 14 is what makes it look like a bug. Classic notebook <<footgun|hidden state>>.
"""),
    f("ok_vulgar_at_excel", "ok", """
Excel <<strikes again|is the devil|ruined my week again>>: it converted the gene names `SEPT2` and `MARCH1` into dates and the CSV came to us that way. <<Not a bug in the library|Nothing you can fix here>>, but a warning for dates in a `str` column would have saved us.
"""),
    f("ok_terse_repro_request", "ok", """
<<Could you share a minimal reproducible example?|Can you post `df.head().to_dict()` and the exact call?>> Without data I can't tell whether it's <<the index alignment|the timezone>> or a bug.
"""),
    f("ok_talk_about_harassment_policy", "ok", """
For the steering committee: we had <<three|two>> cases this quarter where contributors were belittled for asking "basic" questions, e.g. replies starting "<<did you even read the docs|this is trivial>>". Proposal: add an explicit example to the CoC saying condescension is covered.
"""),
    f("ok_company_cost_question", "ok", """
Is <<project>> usable commercially without paying? Our legal team asks because the docs mention "<<Enterprise|Cloud>>". <<IIUC that's a separate hosted product by some maintainers, and the library is BSD-3.|Just want to confirm the library itself is BSD-3.>>
"""),
    f("ok_own_hosted_maint", "ok", """
(Maintainer, disclosure: I work for the company behind <<project>> Cloud.) You don't need the hosted version for this. Set `engine="pyarrow"` and `dtype_backend="pyarrow"` and the <<null|string>> handling matches what you expect. The hosted version just sets those defaults.
"""),
    f("ok_self_blame_long", "ok", """
Turns out I'm the problem. <<I had two virtualenvs|My kernel was pointing to the system Python|I had `PYTHONPATH` set from an old project>> and was running <<version>> in the notebook while `pip show` reported the new one. Everything works. Apologies for the long thread, <<I feel dumb|that's embarrassing>>.
"""),
    f("ok_data_privacy_concern", "ok", """
Small concern about the example notebook in the docs: it loads <<a real customer churn dataset|Kaggle's credit dataset>> with names in it. Even if public, we shouldn't encourage that. <<Could we switch to `faker`-generated data?|I can replace it with a synthetic one.>>
"""),
    f("ok_thesis_student_question", "ok", """
I'm using <<project>> for my master's thesis on <<air quality|hospital readmissions|bike sharing>> data and my supervisor wants the resampling to be reproducible. Is `resample("1h").mean()` deterministic across versions, or should I pin the version in my thesis appendix?
"""),
    f("ok_airflow_trace", "ok", """
Task fails only in Airflow, not locally:

```
[<<ts>>] {taskinstance.py:<<line>>} ERROR - Task failed with exception
  File ".../frameflow/io/sql.py", line 288, in read_sql
sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) server closed the connection unexpectedly
```

<<Chunking with `chunksize=50_000` fixes it, so it's probably the 30-minute statement timeout.|Is there a retry option?>>
"""),
    f("ok_frustrated_docs", "ok", """
The docs for `<<pivot_table|melt|merge_asof>>` are <<honestly terrible|very confusing>> — the example uses a column that doesn't exist in the example data. I spent an hour thinking I misunderstood. PR with a fixed example incoming.
"""),
    f("ok_survey_results_discussion", "ok", """
Results of the community survey (<<412|688>> responses, run by the maintainers, unpaid): <<61%|57%>> use <<project>> at work, the most wanted feature is lazy evaluation, and most complaints were about the docs. Full anonymised data is in the repo under `surveys/2026`.
"""),
    f("ok_recommend_alternative_oss", "ok", """
If you only need out-of-core group-bys, <<DuckDB|Polars>> handles this comfortably and it's open source. We still use <<project>> for the modelling part. <<Not a competitor thing, just the right tool.|Mixing them via Arrow is zero-copy.>>
"""),
    f("ok_warning_to_thread", "ok", """
Let's cool it down. Whether the new default is a good idea is a fair debate; <<"whoever approved this should be fired"|calling people incompetent>> isn't part of it. <<Please stick to the behaviour and the migration path.|Back to the migration path, please.>>
"""),
    # ================================================================ abuse
    f("ab_quiet_contempt_maint", "abuse", """
I've read <<handle>>'s explanation twice and I'm now fairly sure they don't understand how their own library works. That would be fine for a user. For a maintainer it's simply embarrassing, and it explains a lot about the state of the codebase.
"""),
    f("ab_belittle_statistics", "abuse", """
With respect, <<handle>>, <<a first-year statistics student|any undergraduate|my intro-course TA>> would know that you can't average percentiles. That someone this clueless reviews numerical code here is <<frankly alarming|a joke>>.
"""),
    f("ab_no_aptitude", "abuse", """
<<handle>>, I'll be direct since nobody else will: you have no aptitude for this. <<Every PR you open costs reviewers an afternoon.|You should find a field that suits you better.>> Please stop contributing.
"""),
    f("ab_wish_harm_data", "abuse", """
I genuinely hope the person who changed this default <<gets fired|loses their job|has their own thesis data silently corrupted>> the way I did. <<handle>>, you earned it.
"""),
    f("ab_shut_up_long", "abuse", """
<<handle>>, <<shut up|be quiet|keep your mouth shut>>. You've posted <<nine|eleven>> comments in this thread and not one of them contained a fact. Let the adults talk.
"""),
    f("ab_nationality_data", "abuse", """
I've noticed the <<Chinese|Indian|Russian|Iranian>> contributors keep pushing these half-tested changes. I'd propose, quietly, that the maintainers stop accepting PRs from them until quality improves; we can't keep cleaning up after them.
"""),
    f("ab_drive_out_committee", "abuse", """
I'd encourage everyone on the steering committee to make <<handle>>'s life here as unpleasant as possible. Block their proposals, ignore their reviews. People like that leave when they're not wanted.
"""),
    f("ab_compare_chatgpt", "abuse", """
<<handle>>, ChatGPT gives better answers than you, and it at least doesn't pretend to be an expert. <<You are a waste of a maintainer seat.|Why are you even here?>>
"""),
    f("ab_contempt_academic", "abuse", """
Typical academic. <<handle>> has never worked with real data in <<their|his|her>> life and it shows in every comment. <<Go back to your toy datasets and leave production code to people who ship.|Your opinion is worthless here.>>
"""),
    f("ab_mass_report_data", "abuse", """
Everyone who lost work because of <<handle>>'s change: report their account, their blog, everything. Let's make sure they never get commit rights on anything again.
"""),
    f("ab_gender_data", "abuse", """
This is what happens when the project hires <<women|diversity candidates>> to tick boxes instead of competent engineers. <<handle>> should be removed and replaced with someone qualified.
"""),
    f("ab_mock_nonnative", "abuse", """
"<<In Excel it look like one value|I try fill_merged from documentation>>" — <<handle>>, if you can't write a sentence in English maybe data analysis isn't for you either. <<Embarrassing.|Go away.>>
"""),
    f("ab_threat_data", "abuse", """
<<handle>>, I have your email and your university. If this isn't reverted by Monday I'm <<writing to your department head|sending your supervisor every comment you wrote here>>, and I'll make sure everyone knows what kind of person you are.
"""),
    # ================================================================ solicitation
    f("sol_market_research_users", "solicitation", """
Hello <<project>> team, I'm a consultant at a <<market research|strategy>> firm working for an investor in the data-tooling space. Could you tell me which companies use <<project>> at scale and whether their teams pay for any hosted tooling? I can offer $<<300|400>> for a 45-minute call: <<calendly.com/dataspace-research|tidycal.com/insight-partners>>
"""),
    f("sol_survey_users_employers", "solicitation", """
Data teams using <<project>>: help us understand your company's analytics budget! 10-minute survey on which BI tools your employer pays for, $<<50|30>> gift card for every completed response: <<survey.datavoice-research.com/p7|forms.insightloop.io/df26>>
"""),
    f("sol_thesis_mill", "solicitation", """
Struggling with your data science thesis? Our PhD experts write your <<thesis|dissertation>> chapters, run your analysis in Python/R and deliver plagiarism-free results. <<thesisgenius.co|dissertationhub24.com>> — 15% off for first order, WhatsApp support.
"""),
    f("sol_hosted_notebook_disguised", "solicitation", """
I had exactly this kernel-dying problem for months. Moved our notebooks to <<brand>> and it just went away — autoscaling memory, no config. <<Free 30-day team trial|First 100 hours free>> at <<brand.1>>, can't recommend it enough.
""", brand=[('Cellarium', 'cellarium.app/signup'), ('NotebookHQ', 'notebookhq.io/free')]),
    f("sol_bi_tool_disguised", "solicitation", """
Instead of fighting `pivot_table`, try <<Chartwise|DashPilot>> — drag and drop, connects to your warehouse, and our analysts haven't written a pivot by hand since. <<Use code DATA20 for 20% off.|Book a demo at dashpilot.ai/demo.>>
"""),
    f("sol_labeling_gig", "solicitation", """
Earn money from home with your data skills! We pay $<<15|25>>/hour for data annotation and AI training tasks, flexible hours, no experience needed. Apply now: <<annotate-earn.com/join|aitaskers.work/apply>> or Telegram <<@annotate_jobs|@ai_tasks_hr>>.
"""),
    f("sol_freelance_unrelated", "solicitation", """
Need a freelancer for a paid web scraping project (<<Amazon product prices|real estate listings|LinkedIn profiles>>), about $<<500|800>>. Python required. If interested DM me on Telegram <<@scrape_boss|@data_gig_rick>>.
"""),
    f("sol_trading_quant_boast", "solicitation", """
Funny, I used to fight these dataframe bugs too. Now my quant model trades for me and made <<31%|47%>> this quarter. I'm taking <<five|ten>> new people into the program this month — message <<@quantedge_mentor|@alpha_lab_jess>> on Telegram.
"""),
    f("sol_course_ad_data", "solicitation", """
If you don't understand groupby you need our "<<Data Science Bootcamp 2026|Pandas Masterclass>>" — 40 hours of video, certificate included, <<90% off|$9.99>> today only: <<datamasters.academy/sale|udemy-deals.net/pandas>>
"""),
    f("sol_dataset_sell", "solicitation", """
We sell <<B2B email lists|LinkedIn-scraped contact databases|verified lead lists>> for data-driven sales teams: 2M contacts, updated monthly, CSV delivery. <<leadharvest.io|datacontacts.pro>> — sample on request.
"""),
    f("sol_consulting_unasked", "solicitation", """
This is a common issue with data teams that scaled too fast. We're a data consultancy that fixes exactly these pipelines — most clients see <<3x|40%>> faster jobs within a month. Free assessment at <<pipelinedoctors.io|dataopsconsult.co>>.
"""),
    f("sol_paid_interview_competitor", "solicitation", """
Quick question for the maintainers: what share of your users are enterprises, and what do they use instead of <<project>> when they outgrow it? I'm doing competitive analysis for a <<Series B|venture-backed>> startup and can pay for your time, just drop me your email.
"""),
    # ================================================================ more
    f("ok_pip_freeze", "ok", """
Environment, since people asked:

```
<<project>>==<<version>>
numpy==<<1.26.4|2.0.1>>
pyarrow==<<15.0.2|17.0.0>>
python 3.<<11|12>>.<<4|9>>
```

The `ArrowInvalid: Could not convert '<NA>' with type NAType` only appears with <<numpy 2|pyarrow 17>>.
"""),
    f("ok_privacy_bug_report", "ok", """
Possible privacy bug: `<<project>>.to_html()` includes the full dataframe in a hidden `<script>` block, even when I pass `max_rows=10`. We <<email|publish>> these reports, so customer columns leak. <<Reproduced on|Seen on>> <<version>>.
"""),
    f("ok_long_thanks", "ok", """
Just wanted to say thank you. <<project>> <<carried my whole PhD|is the reason our small team can do what a big one does>>, and the fix for the parquet timestamps saved <<a week of work|our quarterly report>>. I know maintainers mostly hear complaints.
"""),
    f("ok_idiom_data_kill", "ok", """
That join <<is a killer|murders the cluster|will bring the warehouse to its knees>>: a cross join on <<80k|120k>> rows before the filter. Move the `WHERE` into the CTE and it drops from <<14 minutes|40 minutes>> to seconds.
"""),
    f("ab_idiot_long", "abuse", """
<<handle>>, only an idiot would merge a change like this into a data library, and I'm sorry, but you've proven you are one. <<Every analyst who trusted this release is paying for your ego.|Step down.>>
"""),
    f("ab_never_contribute_again", "abuse", """
I'm asking the maintainers directly: ban <<handle>> from contributing. Not for this PR, for being who they are — arrogant, useless and a drain on everyone around them.
"""),
    f("sol_gpu_rental_disguised", "solicitation", """
Same OOM here until we stopped running locally. <<brand>> rents A100 notebooks from $0.<<79|99>>/hour, preinstalled with <<project>>; new accounts get <<$50|$25>> credit with my link <<brand.1>>.
""", brand=[('GPUHive', 'gpuhive.io/r/analyst'), ('CloudKernel', 'cloudkernel.dev/ref/df')]),
    f("sol_homework_python", "solicitation", """
Students: we do your <<Python data analysis|Jupyter|machine learning>> homework and assignments, any deadline, guaranteed grades. Chat with an expert now at <<pyhomeworkhelp.com|codingassignments.pro>>.
"""),
    # ================================================================ third pass
    f("ok_cv_question", "ok", """
Slightly off-topic but related: is "<<project>>" experience worth listing on a CV as its own skill? Our hiring managers keep asking for it by name and I'm <<interviewing people|writing the job ad>> next week. I'd like to know what people here would expect a candidate to know.
"""),
    f("ab_phd_sneer", "abuse", """
Funny how a PhD doesn't teach you to read a stack trace, <<handle>>. <<Maybe stick to writing papers nobody reads.|Four years of study and still this clueless.>>
"""),
]
