"""Writer "ml": machine-learning researchers, hobbyists and MLOps engineers."""

from __future__ import annotations

from gen_common import alnum, frame, hexs

WRITER = "ml"

MODEL = ["llama-3-8b", "mistral-7b-instruct", "bert-base-uncased", "whisper-small", "sdxl-base-1.0",
         "t5-large", "phi-3-mini", "clip-vit-b-32", "qwen2-7b", "resnet50"]
GPU = ["RTX 3090", "RTX 4090", "A100 40GB", "T4 (Colab)", "V100", "L4", "M2 Max (MPS)", "H100 80GB"]
TORCH = ["2.1.2", "2.2.1", "2.3.0", "2.4.1"]
CUDA = ["11.8", "12.1", "12.4"]
TORCH_ERR = ["torch.cuda.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB",
             "RuntimeError: Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!",
             "RuntimeError: CUDA error: device-side assert triggered",
             "ValueError: Tokenizer class LlamaTokenizer does not exist or is not currently imported.",
             "RuntimeError: mat1 and mat2 shapes cannot be multiplied (8x768 and 1024x10)",
             "NotImplementedError: The operator 'aten::_fft_r2c' is not currently implemented for the MPS device."]

FRAMES = [
    # ---------------------------------------------------------------- ok
    frame("ok_oom_report", "ok", """
Fine-tuning <<model>> on a <<gpu>> with batch size <<bs>> and I get:

```
<<err>>
```
torch <<torch>>, CUDA <<cuda>>, transformers <<version>>. Gradient checkpointing is on. Is <<bs>> just too big for this card?
""", model=MODEL, gpu=GPU, bs=["4", "8", "16", "32"], err=TORCH_ERR, torch=TORCH, cuda=CUDA),
    frame("ok_answer_oom", "ok", """
With <<gpu>> you'll want LoRA rather than full fine-tuning: `r=<<r>>`, `lora_alpha=<<a>>`, and load the base model in 4-bit. Also set `PYTORCH_CUDA_ALLOC_CONF=expandable_segments:True`; fragmentation is half your problem.
""", gpu=GPU, r=["8", "16", "32"], a=["16", "32", "64"]),
    frame("ok_kill_kernel", "ok", """
If the notebook hangs at `trainer.train()`, kill the kernel and restart; the dataloader workers don't die on interrupt. Setting `num_workers=0` while debugging avoids the zombie processes<<.| entirely.| on <<os>>.>>
"""),
    frame("ok_gpu_dying", "ok", """
My <<gpu>> is slowly dying, I swear. `nvidia-smi` shows <<temp>>°C at idle and training speed dropped <<pct>>% this week. Not a bug in <<project>>, just venting. Anyone know if thermal paste helps on these?
""", gpu=GPU, temp=["78", "83", "91"], pct=["20", "35", "40"]),
    frame("ok_loss_curve", "ok", """
Loss curve after the change:

```
step  <<s1>>  loss <<l1>>
step  <<s2>>  loss <<l2>>
step  <<s3>>  loss nan
```
Goes NaN right after warmup ends. Learning rate <<lr>>, bf16. Lowering the LR to <<lr2>> fixes it but convergence is much slower.
""", s1=["100", "500", "1000"], s2=["200", "1000", "2000"], s3=["300", "1500", "3000"], l1=["2.41", "1.98", "3.10"],
          l2=["1.87", "1.52", "2.76"], lr=["3e-4", "1e-3", "5e-4"], lr2=["1e-4", "5e-5", "2e-4"]),
    frame("ok_benchmark_dispute", "ok", """
I don't think the reported <<metric>> of <<v>> is reproducible. With the released checkpoint and the evaluation script from the repo I get <<v2>> on the test split, and <<v3>> on the validation split. Is there a different prompt template or a filtered test set? Happy to share my logs.
""", metric=["accuracy", "F1", "BLEU", "pass@1", "WER"], v=["91.2", "0.873", "34.1", "67.8"], v2=["86.4", "0.812", "29.7", "58.3"],
          v3=["88.0", "0.836", "31.2", "61.0"]),
    frame("ok_heated_benchmark", "ok", """
<<Sorry, but|Honestly,|With respect,>> comparing your fine-tuned model against a zero-shot baseline and calling it state of the art is misleading. The <<what>> in table 2 needs the same training budget, otherwise the comparison means nothing. Please fix the README claims.
""", what=["baselines", "numbers", "ablations", "comparisons"]),
    frame("ok_license_question", "ok", """
The model card says <<lic>> but the weights were fine-tuned on <<data>>, which is <<lic2>>. Can we actually use this commercially? Not trying to cause drama, our legal team asked.
""", lic=["Apache-2.0", "MIT", "OpenRAIL-M"], data=["a scraped dataset", "ShareGPT conversations", "LAION subsets", "a CC BY-NC corpus"],
          lic2=["non-commercial", "of unclear licence", "CC BY-NC 4.0"]),
    frame("ok_dataset_card_question", "ok", """
Does the dataset contain personal data? The card mentions <<src>> but not whether names and e-mail addresses were removed. If not, we'd need to run a PII filter before training; does anyone have a good one for <<lang>> text?
""", src=["forum posts", "GitHub issues", "customer support chats", "news comments"], lang=["English", "German", "Portuguese", "multilingual"]),
    frame("ok_colab_link", "ok", """
Minimal repro in Colab: https://colab.research.google.com/drive/1<<cid>> — runs in about <<m>> minutes on the free <<gpu>>. The crash happens in cell <<c>>.
""", cid=lambda r: alnum(r, 32), m=["3", "5", "8"], gpu=["T4", "L4"], c=["4", "7", "11"]),
    frame("ok_hf_token_placeholder", "ok", """
<<You need to log in first|Log in before loading it|The 401 means you're not authenticated>>: `huggingface-cli login` and paste your token when prompted, or set `HF_TOKEN=<<ph>>` in the environment. The model is gated, so you also have to accept the licence on the model page.
""", ph=["hf_xxxxxxxxxxxxxxxxxxxx", "<your token>", "${HF_TOKEN}", "..."]),
    frame("ok_wandb_run", "ok", """
W&B run for the failing config: https://wandb.ai/<<user>>/<<proj>>/runs/<<rid>>. You can see the grad norm spike at step <<s>>, right where the <<what>> kicks in.
""", proj=["llm-ft", "asr-experiments", "diffusion-lora"], rid=lambda r: hexs(r, 8), s=["1200", "3400", "800"],
          what=["LR warmup end", "second epoch", "curriculum switch", "data mixture change"]),
    frame("ok_inference_latency", "ok", """
Serving <<model>> with <<srv>> on <<gpu>>: p50 <<p50>> ms, p99 <<p99>> ms at <<qps>> req/s. Batching helps up to <<b>>, after that p99 explodes. Is continuous batching supported for this architecture yet?
""", model=MODEL, srv=["vLLM", "TGI", "Triton", "TorchServe", "llama.cpp server"], gpu=GPU, p50=["42", "85", "120"],
          p99=["180", "410", "900"], qps=["20", "50", "100"], b=["8", "16", "32"]),
    frame("ok_data_question_es", "ok", """
¿Alguien ha entrenado <<model>> con datos en español? Los resultados que obtengo son bastante peores que en inglés (<<m>> vs <<m2>> de F1). ¿Es normal o estoy haciendo algo mal con el tokenizador?
""", model=MODEL, m=["0.61", "0.58", "0.66"], m2=["0.82", "0.79", "0.85"]),
    frame("ok_model_card_pr", "ok", """
Updated the model card: added the training data section, the evaluation table for <<n>> languages, intended uses, and the known limitations (<<lim>>). Also fixed the citation. PTAL <<handle>>.
""", n=["5", "12", "20"], lim=["hallucinated citations", "poor performance on code", "bias in occupation prompts", "short context"]),
    frame("ok_nuke_cache", "ok", """
Nuke `~/.cache/huggingface/<<dir>>` and download again; a partial download left a corrupted shard. The checksum error (`<<sha256>>` expected) gives it away.
""", dir=["hub", "datasets", "transformers"]),
    frame("ok_frustrated_research", "ok", """
I've spent <<n>> weeks trying to reproduce the paper and I'm honestly losing my mind. The config in the repo doesn't match the paper, the seed isn't fixed, and the eval script silently drops <<pct>>% of the examples. I'm not accusing anyone, but please release the exact training config.
""", n=["two", "three", "five"], pct=["8", "12", "20"]),
    frame("ok_mixed_precision", "ok", """
`fp16` overflows for this model; switch to `bf16` if your <<gpu>> supports it, otherwise keep the layer norms in fp32 (`keep_in_fp32_modules=["<<mod>>"]`).
""", gpu=GPU, mod=["layer_norm", "lm_head", "wo"]),
    frame("ok_quantization_results", "ok", """
Quantized <<model>> results on our eval set: fp16 <<a>>, int8 <<b>>, int4 (GPTQ) <<c>>. Memory went from <<m1>> GB to <<m2>> GB. For our use the int8 version is the sweet spot.
""", model=MODEL, a=["71.2", "64.8", "82.5"], b=["70.9", "64.1", "82.1"], c=["68.3", "61.0", "79.8"], m1=["15.2", "28.4", "13.9"], m2=["4.6", "8.1", "4.2"]),
    frame("ok_company_uses_ml", "ok", """
We use <<project>> at <<company>> to <<use>>; about <<n>> inferences a day. Happy to contribute the ONNX export we wrote if there's interest.
""", company=["a hospital network", "a logistics startup", "a public broadcaster", "our lab"],
          use=["transcribe meetings", "classify support tickets", "moderate comments", "tag product photos"], n=["50k", "2M", "300k"]),
    frame("ok_recommend_tool", "ok", """
For experiment tracking without a SaaS account, <<tool>> works well and is open source. We moved off a hosted tracker last year for <<why>> reasons and haven't looked back.
""", tool=["MLflow", "Aim", "DVC + DVC Studio self-hosted", "ClearML server"], why=["data-residency", "cost", "privacy"]),
    frame("ok_annotator_guidelines", "ok", """
Annotation guidelines v<<v>>: an item is <<label>> only if <<rule>>. Disagreements go to a third annotator. Inter-annotator agreement on the pilot was κ = <<k>>.
""", v=["2", "3", "1.1"], label=["toxic", "spam", "off-topic"], rule=["it targets a person or group", "it promotes a product or service", "it is unrelated to the thread"],
          k=["0.71", "0.64", "0.82"]),
    frame("ok_reddit_dataset_concern", "ok", """
Heads-up: a few rows in the training split contain what look like real phone numbers and e-mail addresses (rows <<r1>> and <<r2>>, I won't paste them here). We should scrub them and re-release.
""", r1=["10,442", "88,210", "3,118"], r2=["10,973", "91,004", "3,560"]),
    frame("ok_seed_numbers", "ok", """
Seeds <<s1>>, <<s2>>, <<s3>>: accuracy <<a1>> / <<a2>> / <<a3>>. Variance is large, so the 0.4-point improvement in the PR is within noise.
""", s1=["13", "42", "1234"], s2=["7", "2024", "99"], s3=["0", "31337", "555"], a1=["84.1", "79.3"], a2=["84.9", "78.6"], a3=["83.7", "79.9"]),
    frame("ok_hardware_advice", "ok", """
For <<task>> on a budget I'd get a used <<gpu>> rather than two smaller cards; multi-GPU adds complexity that isn't worth it below <<size>> parameters.
""", task=["fine-tuning 7B models", "training diffusion LoRAs", "Whisper inference"], gpu=["RTX 3090", "RTX 4090", "A6000"], size=["13B", "30B", "70B"]),
    frame("ok_eval_bug", "ok", """
Found the bug in the eval script: `<<func>>` strips whitespace before comparing, so answers like "<<a>>" and "<<b>>" count as equal. That inflates exact-match by about <<pct>> points. PR incoming.
""", func=["normalize_answer", "clean_text", "postprocess"], a=["New York", "10 000", "e = mc2"], b=["NewYork", "10000", "e=mc2"], pct=["1.5", "3", "0.8"]),
    frame("ok_pii_filter_discussion", "ok", """
We run <<tool>> over every dataset before release; it catches e-mail addresses, phone numbers and card numbers reliably, names less so. For names we sample <<n>> rows per shard and check by hand.
""", tool=["Presidio", "scrubadub", "a regex pass plus spaCy NER", "our own filter"], n=["200", "500", "1,000"]),
    frame("ok_training_done", "ok", """
Training finished: <<epochs>> epochs, <<hours>> hours on <<gpu>>, final eval loss <<loss>>. Checkpoint uploaded to the Hub under the project org; model card still TODO.
""", epochs=["3", "5", "10"], hours=["14", "36", "70"], gpu=GPU, loss=["1.21", "0.87", "2.03"]),
    frame("leak_replicate_token", "pii", """
Replicate calls time out from the Gradio app. `REPLICATE_API_TOKEN=r8_<<k>>` is set in the Space secrets but I also hardcoded it in app.py to test.
""", k=lambda r: alnum(r, 37)),
    frame("leak_researcher_dox", "pii", """
The first author of this paper is <<person>>; their personal phone is <<phone>> and they live at <<address>>. Since they won't answer about the data leak, call them.
"""),
    frame("sol_ml_course", "solicitation", """
If you're stuck on fine-tuning, my course "<<course>>" covers LoRA, QLoRA and deployment step by step. <<disc>> off for GitHub users: <<url>>
""", course=["LLM Engineering Bootcamp", "Fine-tune Like a Pro", "GenAI Zero to Hero"], disc=["40%", "50%", "$100"],
          url=["llmbootcamp.io/gh", "finetunepro.academy", "genai-hero.com/offer"]),
    frame("abuse_ml_wish", "abuse", """
I hope <<handle>>'s lab loses its funding and they never publish again. People like that are a cancer on the field.
"""),
    # ---------------------------------------------------------------- pii
    frame("leak_hf_token_notebook", "pii", """
Getting 401 on the gated model. My notebook cell:

```python
from huggingface_hub import login
login(token="<<tok_hf>>")
model = AutoModelForCausalLM.from_pretrained("<<org>>/<<model>>")
```
""", model=MODEL, org=["meta-llama", "mistralai", "google"]),
    frame("leak_kaggle_json", "pii", """
`kaggle datasets download` fails with 403. My kaggle.json:

```json
{"username":"<<user>>","key":"<<k>>"}
```
""", k=lambda r: hexs(r, 32)),
    frame("leak_wandb_key", "pii", """
wandb won't log in on the cluster. I put `WANDB_API_KEY=<<k>>` in the sbatch script and it still prompts.
""", k=lambda r: hexs(r, 40)),
    frame("leak_openai_eval", "pii", """
The eval harness fails at the judge step:

```
export OPENAI_API_KEY=<<tok_openai>>
python eval.py --judge gpt-4o --tasks <<task>>
```
openai.AuthenticationError: Incorrect API key provided.
""", task=["mt_bench", "alpaca_eval", "arena_hard"]),
    frame("leak_patient_row", "pii", """
The preprocessing drops this row and I don't know why:

```
patient_name,dob,phone,address,diagnosis
<<person>>,<<dob>>,<<phone>>,"<<address>>",<<dx>>
```
""", dob=["1961-03-22", "1990-11-05", "1948-07-14"], dx=["J45.909", "E11.9", "I10"]),
    frame("leak_annotator_payment", "pii", """
Annotator <<person>> hasn't been paid for batch <<b>>. Their details from the spreadsheet: <<email>>, IBAN <<iban>>. Can whoever handles payouts check?
""", b=["17", "23", "41"]),
    frame("leak_s3_creds_dataset", "pii", """
Dataset download script fails with SignatureDoesNotMatch:

```python
s3 = boto3.client("s3", aws_access_key_id="<<tok_akia>>", aws_secret_access_key="<<tok_aws_secret>>")
s3.download_file("<<bucket>>", "train.parquet", "data/train.parquet")
```
""", bucket=["lab-datasets-prod", "asr-corpus", "ml-team-shared"]),
    # ---------------------------------------------------------------- solicitation
    frame("labeling_job_spam", "solicitation", """
💼 Remote AI data labeling jobs! Earn <<money>> per hour rating chatbot answers from home, flexible hours, weekly payouts. Apply now: <<url>> or WhatsApp <<wa>>
""", money=["$25", "$40", "$18-30"], url=["ai-tasks-hub.com/apply", "labelwork.online", "raterjobs.net"], wa=["+1 929 305 7714", "+44 7418 356092"]),
    frame("gpu_credits_spam", "solicitation", """
Cheap GPU credits: <<gpu>> at <<price>>/hr, no KYC, pay with crypto. Bulk discounts for researchers. DM <<tg>> on Telegram.
""", gpu=["A100", "H100", "RTX 4090"], price=["$0.39", "$0.89", "$0.19"], tg=["@gpu_cheap", "@h100deals", "@cloudgpu_reseller"]),
    frame("ai_girlfriend_ad", "solicitation", """
<<Tired of debugging alone?|Lonely nights coding?|Need a break from the GPU logs?>> 💕 Try <<app>>, the most realistic AI companion, uncensored and always there for you. Free trial at <<app.1>>
""", app=[("LoveBot AI", "lovebot.ai"), ("Dreamgirl GPT", "dreamgirlgpt.app"), ("Companion+", "companionplus.chat"), ("Aria AI", "aria-ai.love")]),
    frame("ai_trading_signals", "solicitation", """
Our AI model predicts <<asset>> moves with <<acc>>% accuracy — members made <<ret>> last month. Join the signals group: <<tg>>
""", asset=["BTC", "forex", "S&P futures", "altcoin"], acc=["89", "93", "97"], ret=["+340%", "+120%", "$12k"],
          tg=["t.me/ai_signals_vip", "t.me/quantgpt_pro", "t.me/neuraltrade_club"]),
    frame("paid_dataset_sale", "solicitation", """
Selling a <<size>> dataset of <<kind>>, perfect for fine-tuning <<model>>. Samples and pricing on request: <<mail>>
""", size=["50M-row", "2 TB", "10k-hour"], kind=["scraped LinkedIn profiles", "customer support chats", "leaked forum posts", "call-center recordings"],
          model=MODEL, mail=["data.broker.pro@gmail.com", "sales@datasetmarket.io", "bulkdata@proton.me"]),
    frame("ml_thesis_writing", "solicitation", """
Need help with your <<what>>? Our PhD team writes code, papers and reports, 100% original. Discounts for students: <<url>>
""", url=["mlthesis-help.com", "phdwriters.ai", "kaggle-experts.pro"], what=["machine learning thesis", "Kaggle competition", "deep learning assignment"]),
    frame("ml_fake_fix_tool", "solicitation", """
Had the same OOM issue on my <<gpu>>. <<tool>> fixed it instantly, it optimizes memory automatically with one line. 50% off this week: <<tool.1>>
""", gpu=GPU, tool=[("MemBoost AI", "memboost.ai/deal"), ("TurboTrain Pro", "turbotrain.pro"), ("GPUMax Optimizer", "gpumax.io/offer")]),
    # ---------------------------------------------------------------- abuse
    frame("abuse_researcher", "abuse", """
<<handle>> your paper is garbage and so are you. A fraud who fakes benchmarks shouldn't be allowed anywhere near this field. Retract it and disappear.
"""),
    frame("abuse_ml_nationality", "abuse", """
Of course the benchmark is cheated, it's from a <<nat>> lab. Every <<nat>> paper is fake. Reviewers should reject them all automatically.
""", nat=["Chinese", "Indian", "Russian", "Iranian", "Korean"]),
    frame("abuse_ml_newbie", "abuse", """
lol <<handle>> asking how to fix CUDA OOM. Maybe learn what a tensor is before opening issues, you clueless idiot. Go back to Excel.
"""),
    frame("abuse_ml_shutup", "abuse", """
<<handle>> shut up about AI safety already, nobody wants to hear your whining. Go cry somewhere else.
"""),
    frame("abuse_ml_threat", "abuse", """
<<handle>> if you take down the weights I'll make sure everyone knows where you live. Think carefully.
"""),
]
