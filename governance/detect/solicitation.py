"""Solicitation: ads, spam, hire-me and agency offers, recruiting and research requests.

Spam rarely hangs on one word, so each rule is a *signal* with a weight; the engine combines
a category's signals (noisy-or) into its score. Content signals (commercial language,
contact handles, link shorteners, spam domains) must be present before context signals
(first-time author, repeated text, an old closed thread) may add anything: context alone
never flags a comment.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from governance.detect.doc import Doc
from governance.detect.fastre import WordPattern, compile_words, lower_pattern
from governance.detect.malware_links import host_of, into_repo
from governance.detect.prefilter import Prefilter
from governance.model import Association, Category, RuleHit

SOLICITATION = Category.SOLICITATION


@dataclass(frozen=True, slots=True)
class Signal:
    rule_id: str
    pattern: str  # case-insensitive regex on the base view
    weight: float
    triggers: tuple[str, ...] = ()  # lower-case words; the signal runs only if one occurs


# "subscribe" as spam spells it: suscribe, subcribe, subscrib, subscrible (lower case)
SUBSCRIBE = r"su(?:bs|s|b)cri(?:be|b|ble)"
SUBSCRIBE_WORDS = ("subscribe", "suscribe", "subcribe", "subscrib", "suscrib", "subcrib",
                   "subscrible", "suscrible", "subcrible")
SIGNALS = (
    Signal(
        "solicitation.hire_me",
        r"\bhire me\b|\bavailable for (?:hire|freelance|work|projects?)\b|"
        r"\bi can (?:do|build|fix|complete|finish|develop|handle) (?:this|it|that|your|the)"
        r"(?: \w+){0,3} (?:cheaply|for \$)|"
        r"\b(?:my|our) (?:hourly )?rates? (?:is|are|start)\b|\$ ?\d+ ?(?:/|per) ?(?:hour|hr|h)\b|"
        r"\bportfolio\s*[:\-]|\b(?:on|via) (?:upwork|fiverr|freelancer\.com)\b|"
        r"\bfreelanc(?:er|ing)\b.{0,40}\b(?:contact|dm|hire|message|reach)\b",
        0.8,
        (
            "hire",
            "available",
            "portfolio",
            "upwork",
            "fiverr",
            "freelancer",
            "freelancing",
            "hour",
            "hr",
            "h",
            "rate",
            "rates",
            "quickly",
            "cheaply",
            "fast",
            "hours",
            "days",
        ),
    ),
    Signal(
        # contributors volunteer in the same words ("I can fix this quickly, assign me"):
        # alone it is not an offer; next to contacts, prices or a pitch it adds up
        "solicitation.offer_to_do",
        r"\bi can (?:do|build|fix|complete|finish|develop|handle) (?:this|it|that|your|the)"
        r"(?: \w+){0,3} (?:for you|quickly|fast|in \d+ (?:hours?|days?))\b",
        0.35,
        ("do", "build", "fix", "complete", "finish", "develop", "handle"),
    ),
    Signal(
        "solicitation.agency",
        r"\bwe (?:provide|offer|deliver|build|develop|specialize in|are an? (?:\w+ ){0,2}"
        r"(?:agency|company|studio|firm|team))\b.{0,80}\b(?:services?|development|solutions|"
        r"outsourc\w*|mvps?|apps?|websites?|clients?|quote)\b|"
        r"\blooking to outsource\b|\b(?:software|web|app|marketing|seo|dev(?:elopment)?) "
        r"(?:agency|outsourcing|company)\b.{0,60}\b(?:quote|contact|visit|hire|offer)\b|"
        r"\b(?:get|request|for) a (?:free )?quote\b|\bwhite[- ]label\b|"
        r"\b(?:dear|hello|hi) (?:sir|maintainers?|developer|team|owner)\b.{0,60}"
        r"\b(?:we|our) (?:provide|offer|company|agency|team)\b",
        0.8,
        (
            "provide",
            "offer",
            "deliver",
            "build",
            "develop",
            "specialize",
            "agency",
            "company",
            "studio",
            "firm",
            "team",
            "outsource",
            "outsourcing",
            "quote",
            "white",
            "dear",
        ),
    ),
    Signal(
        "solicitation.product_pitch",
        r"\b(?:sign up|signup|register|subscribe|buy|order|grab|book) "
        r"(?:\w+ ){0,3}(?:today|now)\b|"
        r"\b(?:\d{1,3} ?% (?:off|discount)|discount code|promo code|coupon(?: code)?|use code "
        r"[A-Z0-9]{4,}|with code [A-Z0-9]{4,})\b|\blimited[- ](?:time )?offer\b|"
        r"\b(?:lifetime (?:license|deal|access)|free trial|money[- ]back)\b|\bonly \$ ?\d+|"
        r"\bboost your\b|"
        r"\bcheck out our (?:new )?(?!docs?\b|documentation|guide|wiki|readme|faq|examples?\b|"
        r"changelog|tutorials?\b|contributing|discussions?\b|issues?\b|roadmap|release)\w+|\b(?:instead|rather) (?:of (?:fixing|using) \w+,? )?"
        r"(?:switch|migrate|move) to\b(?= .{0,60}(?:https?://|\boff\b|\bsign\b|\bcode\b))|"
        r"\b(?:highly|strongly) recommend(?:ed)?\b(?= .{0,20}$)|\bsaved (?:me|us) (?:\$|hours)",
        0.45,
        (
            "sign",
            "signup",
            "register",
            "subscribe",
            "buy",
            "order",
            "grab",
            "book",
            "off",
            "discount",
            "promo",
            "coupon",
            "code",
            "limited",
            "lifetime",
            "trial",
            "money",
            "$",
            "boost",
            "check",
            "instead",
            "rather",
            "highly",
            "strongly",
            "saved",
        ),
    ),
    Signal(
        "solicitation.money_scheme",
        r"\b(?:earn|make) (?:\$|£|€|up to \$|over \$|extra (?:money|cash|income)|money|cash|"
        r"\d+ ?(?:k|usd|dollars|\$|€|£|per|a day|/day|a week|/week|a month|/month)\b)|\bwork(?:ing)? from home\b|"
        r"\bpassive income\b|\bget rich\b|\bfinancial freedom\b|\binvest(?:ment)? "
        r"(?:opportunity|plan|platform)\b|\b(?:crypto|bitcoin|btc|eth|usdt|nft|forex|binary "
        r"options|trading signals?|airdrop|token sale|presale)\b.{0,60}\b(?:profit|earn|claim|"
        r"invest|reward|join|free|bonus|guarantee|double|returns?)|"
        r"\b(?:claim|receive) (?:your|the|here|now)\b.{0,40}\b(?:reward|airdrop|prize|token|"
        r"bonus|gift)|\b(?:recovery (?:expert|specialist|service)|recover (?:your|lost) "
        r"(?:crypto|funds|wallet|account))\b|\b(?:you (?:were|have been|are) (?:selected|chosen)"
        r"|selected for)\b",
        0.8,
        (
            "earn",
            "make",
            "work",
            "working",
            "passive",
            "rich",
            "financial",
            "invest",
            "investment",
            "crypto",
            "bitcoin",
            "btc",
            "eth",
            "usdt",
            "nft",
            "forex",
            "binary",
            "trading",
            "airdrop",
            "token",
            "presale",
            "claim",
            "receive",
            "recovery",
            "recover",
            "selected",
            "chosen",
        ),
    ),
    Signal(
        # an income claim ("making over 3,000 bucks a month"): a maintainer may report
        # sponsor income in the same words, so alone it stays below the label threshold
        "solicitation.income_claim",
        r"\b(?:earn|earning|earned|make|making|made) (?:more than |over |up to |upto |around "
        r"|about )?\d[\d,.]* ?k? (?:usd|dollars|bucks|euros?)\b(?: ?(?:a|per|every|each) "
        r"(?:day|week|month)| (?:daily|weekly|monthly))",
        0.45,
        ("earn", "earning", "earned", "make", "making", "made"),
    ),
    Signal(
        "solicitation.gambling",
        r"\b(?:casino|slots?(?: gacor| online)|gacor|maxwin|jackpot|poker online|"
        r"online poker|sports? betting|betting tips|bet365|togel|judi|sbobet|"
        r"no deposit|free spins|deposit bonus)\b",
        0.85,
        (
            "casino",
            "slot",
            "slots",
            "gacor",
            "maxwin",
            "jackpot",
            "poker",
            "betting",
            "bet365",
            "togel",
            "judi",
            "sbobet",
            "deposit",
            "spins",
            "sports",
            "sport",
        ),
    ),
    Signal(
        "solicitation.seo",
        r"\b(?:seo (?:services?|agency|expert|package)|backlinks?|guest posts?|rank (?:your|on|"
        r"higher|#1|first)|first page of google|domain authority|website traffic|buy "
        r"(?:followers|likes|views|reviews)|(?:followers|likes|views) (?:for|from) \$)\b|"
        r"(?:\[[^\]]{2,40}\]\(https?://(?![\w.\-]*(?:github|gitlab))[^)]+\)\s*){3,}",
        0.75,
        (
            "seo",
            "backlink",
            "backlinks",
            "guest",
            "rank",
            "first",
            "domain",
            "website",
            "buy",
            "followers",
            "likes",
            "views",
            "http",
            "https",
        ),
    ),
    Signal(
        "solicitation.essay_course",
        r"\b(?:essay|assignment|homework|dissertation|thesis) (?:writing|help|service)|"
        r"\b(?:enroll|enrol|join) (?:our|my|the) (?:\w+ ){0,3}(?:course|bootcamp|program|"
        r"programme|class|masterclass|webinar)|\b(?:bootcamp|masterclass|course)\b.{0,60}"
        r"(?:\d+ ?% off|seats|enroll|coupon|certificate|guaranteed|discount)|"
        r"\bguaranteed (?:job|placement|results|income|ranking)|\b\d+ seats left\b",
        0.8,
        (
            "essay",
            "assignment",
            "homework",
            "dissertation",
            "thesis",
            "enroll",
            "enrol",
            "join",
            "bootcamp",
            "masterclass",
            "course",
            "guaranteed",
            "seats",
        ),
    ),
    Signal(
        "solicitation.support_scam",
        r"\b(?:customer (?:care|service|support)|support|help ?line|helpdesk|hotline|"
        r"technical support|tech support|experts?)\b[^.\n]{0,60}?\+?\(?\d[\d ().\-]{7,}\d|"
        r"\b(?:call|dial|ring|contact)\b[^.\n]{0,20}?\+?\(?\d[\d ().\-]{7,}\d[^.\n]{0,60}"
        r"\b(?:support|customer care|help ?line|hotline|experts?|toll[- ]free|24/7|24x7|fixed|"
        r"sorted|resolved)\b",
        0.8,
        (
            "customer",
            "support",
            "help",
            "helpline",
            "helpdesk",
            "hotline",
            "technical",
            "tech",
            "expert",
            "experts",
            "call",
            "dial",
            "ring",
            "contact",
        ),
    ),
    Signal(
        "solicitation.support_words",
        r"\btoll[- ]free\b|\b24/7 (?:support|help|service|helpline)\b|\bcertified experts?\b",
        0.35,
        ("toll", "24", "certified"),
    ),
    Signal(
        "solicitation.research",
        r"\b(?:fill (?:in|out)|take|complete|answer) (?:our|my|a|this|the)? ?(?:short |quick |"
        r"brief )?(?:survey|questionnaire|form)\b|\b(?:we|i)(?:'re| are) (?:a (?:\w+ ){0,3}team "
        r")?(?:researching|exploring|conducting|doing) (?:\w+ ){0,3}(?:research|study|"
        r"tools|market|interviews?)\b|\b(?:compensate|pay you|gift card|paid (?:study|studies|"
        r"interviews?|surveys?)|\$\d+ (?:amazon )?(?:gift|for \d+ ?min))\b|\bcompetitors?\b.{0,60}\b(?:price|"
        r"pricing|features|compare|rank)|\b(?:rank|compare) \S+ (?:against|with|to) (?:its|their)"
        r"\b|\bhow many (?:paying |enterprise |active )?(?:users|customers|clients|"
        r"installs) (?:do|does)\b|\banalyst report\b|\bmarket research\b|\b(?:revenue|"
        r"annual budget|arr|pricing strategy)\b.{0,40}\?",
        0.7,
        (
            "survey",
            "questionnaire",
            "form",
            "researching",
            "exploring",
            "conducting",
            "doing",
            "compensate",
            "pay",
            "gift",
            "paid",
            "competitor",
            "competitors",
            "rank",
            "compare",
            "many",
            "analyst",
            "market",
            "revenue",
            "annual",
            "arr",
            "pricing",
        ),
    ),
    Signal(
        "solicitation.recruiting",
        r"\b(?:we(?:'re| are) hiring|now hiring|urgent(?:ly)? hiring|hiring (?:\w+ ){0,3}"
        r"(?:engineers?|developers?|devs?)|job (?:opening|opportunity|offer)|send (?:your|us "
        r"your|me your) (?:cv|resume)|remote (?:job|position|role)s?\b.{0,40}\b(?:apply|salary|"
        r"\$)|apply (?:now|today|here))\b",
        0.7,
        (
            "hiring",
            "job",
            "cv",
            "resume",
            "remote",
            "apply",
        ),
    ),
    Signal(
        "solicitation.channel_promo",
        r"\b(?:check (?:out )?|visit |subscribe to |follow |like |watch )(?:my|our) "
        r"(?:new )?(?:channel|page|video|music|song|profile|playlist|website|site|shop|store|"
        r"instagram|youtube|tiktok|twitter|blog)\b|\bsubscribe (?:to me|for more|back|please)\b|"
        r"\bplease (?:subscribe|like (?:and|&) (?:share|subscribe)|share my)\b|"
        r"\bsub(?:scribe)? ?4 ?sub\b|\bcheck (?:this|it) out\b.{0,30}https?://|"
        # the video-site call to action, also misspelt ("suscribe", "subscrib"); "watch and
        # subscribe" is left out: watching a repository is a GitHub feature
        rf"\b(?:like|share|comment|rate),? (?:and|&|n|\+) {SUBSCRIBE}\b|"
        rf"\b{SUBSCRIBE} (?:(?:to|2|on) )?(?:my|our) (?:youtube )?channel\b|"
        rf"\b{SUBSCRIBE} if (?:you|u)(?:'re| are| r)? (?:still )?(?:watch|listen)\w*",
        0.65,
        (
            *SUBSCRIBE_WORDS,
            "channel",
            "page",
            "video",
            "music",
            "song",
            "profile",
            "playlist",
            "website",
            "site",
            "shop",
            "store",
            "instagram",
            "youtube",
            "tiktok",
            "twitter",
            "blog",
            "subscribe",
            "sub",
            "sub4sub",
            "out",
        ),
    ),
    Signal(
        "solicitation.sms_prize",
        r"(?<!\.)\b(?:you(?:'ve| have)? (?:won|been selected)|winner|won (?:a|an|the)? ?(?:£|\$|€|"
        r"\d)|prize|free entry|claim (?:your|now)|txt|text \w+ to \d{4,}|reply (?:stop|yes|"
        r"win|\w+ to)|(?:call|chat|ring|dial) (?:now )?0?9\d{6,}|ringtones?|per msg|£\d+|cash prize|"
        r"urgent!|unsubscribe|opt[- ]out|t&cs?|\d+p/min|\d+ ?ppm)\b",
        0.4,
        (
            "won",
            "selected",
            "winner",
            "prize",
            "entry",
            "claim",
            "txt",
            "text",
            "reply",
            "call",
            "chat",
            "ring",
            "dial",
            "ringtone",
            "ringtones",
            "msg",
            "£",
            "urgent",
            "unsubscribe",
            "opt",
            "cs",
            "c",
            "min",
            "ppm",
        ),
    ),
    Signal(
        "solicitation.contact_handle",
        r"\b(?:telegram|whats ?app|signal|wechat|skype|discord|viber)\b[^.\n]{0,25}"
        r"@[A-Za-z0-9_]{4,}|\b(?:telegram|whats ?app|signal|viber)\b[^.\n]{0,25}\+\d[\d \-]{7,}|@[A-Za-z0-9_]{4,} (?:on|via) "
        r"(?:telegram|whatsapp|discord|skype)|\b(?:t\.me|wa\.me|telegram\.me|chat\.whatsapp"
        r"\.com)/\S+",
        0.7,
        (
            "telegram",
            "whatsapp",
            "whats",
            "signal",
            "wechat",
            "skype",
            "discord",
            "viber",
            "t",
            "wa",
            "me",
            "chat",
        ),
    ),
    Signal(
        "solicitation.company_intro",
        r"\b[A-Z][a-z]+ (?:Solutions|Labs|Tech|Technologies|Digital|Agency|Studios?|Media|"
        r"Consulting|Systems|Software|Infotech|Global) here\b|\bwe help (?:\w+ ){0,2}(?:companies|"
        r"projects|teams|businesses|startups|open[- ]source projects)\b|\b(?:book|schedule) a "
        r"(?:free |quick |short )?(?:\d+[- ]min(?:ute)? )?(?:call|demo|meeting|consultation)\b|"
        r"\b(?:software|development|dev|marketing|design) (?:agency|shop|house)\b|"
        r"\bspeciali[sz]ing in\b",
        0.5,
        (
            "solutions",
            "labs",
            "tech",
            "technologies",
            "digital",
            "agency",
            "studio",
            "studios",
            "media",
            "consulting",
            "systems",
            "software",
            "infotech",
            "global",
            "help",
            "book",
            "schedule",
            "shop",
            "house",
            "specializing",
            "specialising",
        ),
    ),
    Signal(
        "solicitation.gig_offer",
        r"\bpaid gig\b|\bfixed price\b|\binvoice (?:via|through|me)\b|\bcheck my profile\b|"
        r"\bgive me (?:a )?chance\b|\blow budget\b|\bsir ?/ ?madam\b|\bfreelancer here\b|"
        r"\bprofessional (?:writers?|developers?|team) (?:available|ready)\b|"
        r"\b(?:dm|message|text) me (?:@\w|on (?:telegram|whatsapp|skype|signal))",
        0.55,
        (
            "paid",
            "fixed",
            "invoice",
            "check",
            "give",
            "low",
            "sir",
            "freelancer",
            "professional",
            "ping",
            "dm",
            "contact",
            "text",
            "call",
            "message",
        ),
    ),
    Signal(
        # "ping me on Discord" is everyday community talk; alone it is not an offer
        "solicitation.chat_invite",
        r"\b(?:ping|dm|message|text|add|find) me (?:@\w|on (?:telegram|whatsapp|discord|skype|"
        r"signal|wechat))",
        0.4,
        ("ping", "dm", "message", "text", "add", "find"),
    ),
    Signal(
        "solicitation.spam_keywords",
        r"\b(?:vpn|escort(?: service)?s?|instagram followers|web hosting deals?|packers and movers|"
        r"payday loans?|viagra|cialis|cbd oil|replica (?:watches|bags)|weight loss|"
        r"keto|dating (?:site|service)s?|hookup|adult content|onlyfans|essay writing|assignment help|"
        r"cheap flights)\b|\bbest [\w ]{2,30} in 20\d\d\b|(\b[a-z][\w ]{2,30}) \| \1 near me\b",
        0.35,
        (
            "vpn",
            "escort",
            "escorts",
            "instagram",
            "web",
            "packers",
            "payday",
            "viagra",
            "cialis",
            "cbd",
            "replica",
            "weight",
            "keto",
            "dating",
            "hookup",
            "adult",
            "onlyfans",
            "essay",
            "assignment",
            "cheap",
            "best",
            "near",
        ),
    ),
    Signal(
        "solicitation.disguised_ad",
        r"\b(?:fixed|solved|sorted) (?:it|this|the issue|mine) (?:with|using|by (?:using|switching "
        r"to)) [A-Z][\w\-]+.{0,120}\b(?:get it|download it|grab it|try it|sign up) (?:here|at|now)\b|"
        r"\btry [A-Z][\w\-]+(?: Pro)? [-–—:] .{0,80}https?://|\b(?:get it|grab it|download it) "
        r"here\s*:?\s*https?://",
        0.6,
        ("fixed", "solved", "sorted", "try", "get", "grab", "download"),
    ),
    Signal(
        "solicitation.market_research",
        r"\bcompetitor (?:analysis|research|comparison|landscape)\b|\bmarket (?:sizing|research|"
        r"study|analysis)\b|\bfor (?:our|my) (?:investors|clients|report|pitch deck)\b|"
        r"\bwe pay \$|\bper interview\b|\bhow many (?:companies|teams|users|customers|"
        r"enterprises) (?:use|run|deploy|pay)\b|\bwhich alternatives did you (?:evaluate|consider)",
        0.55,
        (
            "competitor",
            "market",
            "investors",
            "clients",
            "report",
            "pitch",
            "pay",
            "interview",
            "many",
            "alternatives",
        ),
    ),
    Signal(
        "solicitation.account_scare",
        r"\b(?:verify|confirm|validate) (?:\w+ ){0,3}within \d+ (?:hours|days)\b|\b(?:funds|account|"
        r"wallet) (?:will be|are) (?:frozen|suspended|locked|closed)\b|\bwallet (?:was|has been) "
        r"flagged\b",
        0.6,
        ("verify", "confirm", "validate", "funds", "account", "wallet"),
    ),
    Signal(
        "solicitation.engagement_bait",
        r"\b(?:like|thumbs up|upvote) (?:this|my) (?:comment|video|post)\b|"
        r"\b(?:get|gets|got|getting|reach|reaching|hit|hitting|at) \d[\d,.]*k? "
        r"(?:subscribers|subs|followers)\b|"  # a goal ("help me reach 1k subs"), not a count
        r"\bsub(?:scribe)? (?:to|for) (?:me|my)\b|\bsubscrib(?:e|ing|ed) (?:back|to you)\b|"
        r"\b(?:check|checking) (?:me|out my|my) (?:out|rap|raps|music|songs?|videos?|channel|"
        r"covers?|beats?|mix(?:tape)?)\b|\bhelp me (?:get|reach|hit) (?:\d|my goal)|"
        r"\b(?:star|fork) (?:my|our) (?:repos?|repository|project)\b|\bfollow (?:me|my) back\b|"
        r"\bfollow for follow\b|\bf4f\b|\bgive (?:me|my (?:repo|project)) (?:a )?(?:star|follow|"
        r"like)s?\b|\b(?:views|subscribers|likes|followers) for (?:no reason|free|\$)",
        0.55,
        (
            "comment",
            "video",
            "post",
            "subscribers",
            "subs",
            "followers",
            "sub",
            "subscribe",
            "subscribing",
            "subscribed",
            "rap",
            "raps",
            "music",
            "song",
            "songs",
            "videos",
            "channel",
            "cover",
            "covers",
            "beat",
            "beats",
            "mix",
            "mixtape",
            "goal",
            "star",
            "fork",
            "follow",
            "f4f",
            "views",
            "likes",
            "me",
        ),
    ),
    Signal(
        "solicitation.dm_me",
        r"\b(?:dm|pm|inbox|message|contact|text|email|write to|reach) (?:me|us)\b.{0,40}"
        r"\b(?:for (?:more|details|info|price|pricing|a quote|business)|to (?:order|buy|get "
        r"started|discuss (?:your|the) project)|if (?:you|interested)|interested)",
        0.45,
        ("dm", "pm", "inbox", "message", "contact", "text", "email", "write", "reach"),
    ),
)
SHORTENERS = frozenset(
    {
        "bit.ly",
        "tinyurl.com",
        "goo.gl",
        "ow.ly",
        "is.gd",
        "cutt.ly",
        "rb.gy",
        "shorturl.at",
        "tiny.cc",
        "bl.ink",
        "rebrand.ly",
        "s.id",
        "buff.ly",
        "adf.ly",
        "shorte.st",
        "bit.do",
        "v.gd",
        "t.ly",
        "lnkd.in",
        "qr.co",
        "clck.ru",
        "u.to",
        "linktr.ee",
    }
)
SPAM_TLDS = frozenset(
    {
        "shop",
        "xyz",
        "top",
        "click",
        "online",
        "site",
        "buzz",
        "store",
        "win",
        "bet",
        "casino",
        "loan",
        "vip",
        "icu",
        "monster",
        "cyou",
        "rest",
        "bar",
        "cam",
        "work",
        "live",
        "fun",
        "sbs",
    }
)
TRUSTED_HOSTS = (
    "github.com",
    "githubusercontent.com",
    "github.io",
    "gitlab.com",
    "bitbucket.org",
    "stackoverflow.com",
    "stackexchange.com",
    "readthedocs.io",
    "readthedocs.org",
    "pypi.org",
    "npmjs.com",
    "crates.io",
    "docs.rs",
    "python.org",
    "mozilla.org",
    "microsoft.com",
    "apple.com",
    "google.com",
    "wikipedia.org",
    "golang.org",
    "go.dev",
    "rust-lang.org",
    "kernel.org",
    "apache.org",
    "gnu.org",
    "debian.org",
    "ubuntu.com",
    "docker.com",
    "kubernetes.io",
    "youtube.com",
    "youtu.be",
    "medium.com",
    "dev.to",
    "nodejs.org",
)
_TRUSTED_SET = frozenset(TRUSTED_HOSTS)
URL = re.compile(
    r"\bhttps?://[^\s<>()\"'\]]+|\bwww\.[^\s<>()\"'\]]+|"
    r"\b[a-z0-9\-]+\.(?:shop|xyz|top|click|online|site|buzz|store|com|net|pro|io)"
    r"/[^\s<>()\"'\]]*",
    re.I,
)


@functools.cache
def compiled_signals() -> tuple[tuple[Signal, frozenset[str], WordPattern], ...]:
    """Signals for the lower-cased base view (``Doc.lower``): case-insensitive, but faster."""
    return tuple((s, frozenset(s.triggers), compile_words(lower_pattern(s.pattern), re.M))
                 for s in SIGNALS)


@functools.cache
def _prefilter() -> Prefilter:
    return Prefilter([(lower_pattern(s.pattern), re.M) for s in SIGNALS])


def detect(doc: Doc) -> Iterator[RuleHit]:
    text = doc.lower
    words = doc.lower_words
    if "$" in text or "£" in text:  # currency signs count as trigger words
        words = words | {c for c in "$£" if c in text}
    content = 0
    signals = compiled_signals()
    for index in _prefilter().candidates(text):
        signal, triggers, pattern = signals[index]
        if triggers and words.isdisjoint(triggers):
            continue
        matches = [m for m in pattern.finditer(text) if not doc.in_code(*m.span())]
        if matches:
            content += 1
            distinct = len({m.group() for m in matches})
            weight = signal.weight + 0.1 * min(2, distinct - 1)  # several cues of one kind
            yield doc.hit(signal.rule_id, SOLICITATION, weight, [m.span() for m in matches][:5])
    link_hits = list(_link_signals(doc, doc.base.text))
    content += sum(1 for h in link_hits if h.rule_id != "solicitation.link.external")
    yield from link_hits
    if content:
        yield from _context_signals(doc)


def _own_link(doc: Doc, url: str, host: str) -> bool:
    ctx = doc.context
    if into_repo(url, host, ctx.repo):
        return True
    if any(host == d.lower() or host.endswith("." + d.lower()) for d in ctx.own_domains):
        return True
    return _trusted(host)


def _trusted(host: str) -> bool:
    """``host`` is a trusted host or under one: a set lookup per label, not a scan."""
    labels = host.split(".")
    return any(".".join(labels[i:]) in _TRUSTED_SET for i in range(len(labels)))


def _link_signals(doc: Doc, text: str) -> Iterator[RuleHit]:
    if "." not in text or ("/" not in text and "www." not in doc.lower):
        return  # every URL form needs "www." or a slash
    short, spammy, external = [], [], []
    for m in URL.finditer(text):
        host = host_of(m.group())
        if not host or doc.in_code(*m.span()) or _own_link(doc, m.group(), host):
            continue
        external.append(m.span())
        if host in SHORTENERS:
            short.append(m.span())
        elif host.rsplit(".", 1)[-1] in SPAM_TLDS:
            spammy.append(m.span())
    if short:
        yield doc.hit("solicitation.link.shortener", SOLICITATION, 0.35, short)
    if spammy:
        yield doc.hit("solicitation.link.spam_domain", SOLICITATION, 0.35, spammy)
    if external:
        weight = 0.1 if len(external) < 3 else 0.3
        yield doc.hit("solicitation.link.external", SOLICITATION, weight, external[:5])


def _context_signals(doc: Doc) -> Iterator[RuleHit]:
    ctx = doc.context
    if ctx.repeat_count >= 2:
        weight = min(0.75, 0.35 + 0.1 * ctx.repeat_count)
        yield RuleHit("solicitation.context.repeated", SOLICITATION, weight)
    if (
        ctx.association
        in (Association.FIRST_TIMER, Association.FIRST_TIME_CONTRIBUTOR, Association.NONE)
        and ctx.repo
    ):
        # the association is only known when the caller filled in the GitHub context
        yield RuleHit("solicitation.context.first_time_author", SOLICITATION, 0.15)
    if ctx.thread_closed and (ctx.thread_age_days or 0) >= 180:
        yield RuleHit("solicitation.context.old_closed_thread", SOLICITATION, 0.2)


_COMMERCIAL_HINT = re.compile(
    r"https?://|www\.|\.com\b|\d{5,}|[$£€]|\b(?:free|win|won|prize|subscribe|channel|check "
    r"(?:out|my)|visit|offer|cash|call|txt|text|money|earn|click|buy|sale|discount|price|"
    r"order|deal|follow|like my|promo|bonus|reward|claim|apply|hiring|job)\b"
)


# Subscribing to or following an issue, a pull request or releases is how GitHub sends
# notifications, not a channel plug: such phrases are no commercial hint.
_GITHUB_NOTIFICATIONS = re.compile(
    r"\b(?:watch(?:ing)?|subscrib(?:e|ed|es|ing)|unsubscrib\w*|follow(?:ing|ed)?)"
    r"(?: (?:and|or|&) \w+)? (?:to )?(?:the |this |these |that |our |its |all )?"
    r"(?:issues?|threads?|prs?|pull requests?|releases?|notifications?|repo(?:sitory)?|"
    r"discussions?|rfcs?|mailing lists?|project|tracking issue|changelog)\b"
)


def has_commercial_hint(doc: Doc) -> bool:
    """Gate for the statistical scorer: links, numbers, money or sales words must be present.

    Links to well-known developer sites (``TRUSTED_HOSTS``: YouTube, Stack Overflow, docs)
    are not a hint: the model learnt from video-comment spam that a link means spam, which
    is not true of a GitHub comment citing a talk or an answer.
    """
    text = doc.lower
    if not _COMMERCIAL_HINT.search(text):
        return False
    if "subscri" in text or "follow" in text:
        text = _GITHUB_NOTIFICATIONS.sub(" ", text)
        if not _COMMERCIAL_HINT.search(text):
            return False
    if "http" not in text and "www." not in text:
        return True
    return bool(_COMMERCIAL_HINT.search(URL.sub(lambda m: _without_trusted(doc, m), text)))


def _without_trusted(doc: Doc, link: re.Match[str]) -> str:
    host = host_of(link.group())
    trusted = host and _trusted(host)
    return " " if trusted else link.group()
