"""Abuse: insults, threats, slurs and hostility aimed at people.

Rules pair a *target* (second person, @mentions, "he/she/they", "the maintainers") with an
insult, threat or hostility lexicon, so "this code is garbage" stays ok while "you are
garbage" does not. Threats and slurs are severity 3. Rules read the folded view (leetspeak,
spacing and repeated letters undone) and skip code blocks, quoted lines and negated or
self-directed phrasings ("I'm an idiot", "don't call people idiots").
"""

from __future__ import annotations

import bisect
import dataclasses
import enum
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from governance.detect import lexicon
from governance.detect.doc import Doc, SpanIndex, quoted_lines
from governance.detect.fastre import WordPattern, compile_words, trie_alternation
from governance.detect.normalize import LEET, squash, squash_pattern
from governance.detect.prefilter import Prefilter
from governance.model import Category, RuleHit

ABUSE = Category.ABUSE

# Who an insult can be aimed at. "@" survives folding only at the start of a mention.
TARGET = (
    r"(?:you|u|ya|ye|yall|y'all|you guys|you people|you all|you two|@[\w\-]+|people like you|"
    r"the (?:maintainers?|devs?|developers?|authors?|owners?|team|mods?|moderators?|admins?)|"
    r"(?:this|that|the) (?:maintainer|dev|developer|author|owner|moderator|admin|person|kid)|"
    r"whoever (?:wrote|made|did|merged|approved) (?:this|that|it)|everyone here|all of you)"
)
# Third-person pronouns often refer to things ("they are garbage collected", "it is slow"),
# so after them only nouns that can only insult a person count.
THIRD_PERSON = (
    r"(?:he|she|they|him|her|them|this guy|that guy|the guy|this dude|these people|"
    r"those people|these guys|those guys)"
)
# Nouns an insult word may qualify instead of a person ("what a noob mistake").
THING = (r"(?:mistake|move|error|question|thing|idea|bug|way|day|decision|behaviou?r|code|"
         r"comment|take|fix|hack|design|choice|api)s?\b")
BE = (r"(?: (?:should|would|will|must|always|just|really|still|clearly|obviously)"
      r"(?: not|n't)?)?(?:'re|'s|'m| re| are| is| r| was| were| am| be| being| act like|"
      r" acting like| sound like| look like)")
# More ways to say "you are": kept out of BE so that BE stays a short list of literals
# (RE2's prefilter gives up on long cross products and then runs the rule on every text).
BEHAVE = (r"(?: behave| behaving|'re going to act|'re gonna act| are going to act|"
          r" are gonna act|'re going to behave| are going to behave) like")


@dataclass(frozen=True, slots=True)
class Rule:
    rule_id: str
    pattern: str  # folded-view regex with {N} nouns, {A} adjectives, {I} intensifiers, ...
    score: float
    severity: int = 1


RULES = (
    Rule("abuse.insult.you_are", r"\b{T}{B} (?:{I} ){{0,3}}(?:{N}|{A}|[a-z]+ {N})s?\b", 0.92, 2),
    Rule("abuse.insult.you_are", r"\b{T}{BH} (?:{I} ){{0,3}}(?:{N}|{A})s?\b", 0.92, 2),
    Rule("abuse.insult.they_are", r"\b{H}{B} (?:{I} ){{0,3}}{P}s?\b", 0.9, 2),
    Rule("abuse.insult.vocative", r"\b(?:you|u|ya|ye) (?:{I} |{A} ){{0,3}}{N}s?\b", 0.93, 2),
    Rule("abuse.insult.question", r"\b(?:are|r) (?:you|u|ya|yall|you guys|you people) "
         r"(?:{I} ){{0,3}}(?:{N}|{A})s?\b", 0.88, 2),
    Rule("abuse.insult.you_adjective", r"\b(?:you|u) (?:{I} ){{0,2}}{V} [a-z]+", 0.88, 2),
    Rule("abuse.insult.stop_being", r"\b(?:stop|quit) (?:being|acting like) (?:{I} ){{0,3}}"
         r"(?:{N}|{V})s?\b", 0.88, 2),
    Rule("abuse.insult.those", r"\b(?:those|these|you|all you|such) (?:[a-z]+ ){{0,2}}(?:{P})s\b",
         0.86, 2),
    Rule("abuse.insult.group", r"\b{A} (?:{P})s\b", 0.8, 2),
    Rule("abuse.insult.demonstrative", r"\b(?:that|this|what a|what an|such a|such an|dat|"
         r"yo|ur) (?:{I} ){{0,2}}{P}s?(?![\w\-])", 0.8, 2),
    Rule("abuse.vulgar.sexist", r"\b(?:this|that|dat|yo|your|ur|ya|a|some|stupid|dumb|bad) "
         r"(?:bitch|hoe|slut|whore|cunt|twat|skank)s?(?![\w\-])|\b(?:bitch|hoe|punk|pussy) ass\b",
         0.8, 2),
    Rule("abuse.insult.how_stupid", r"\bhow (?:{A}) (?:you|u|they|he|she) (?:are|r|is|were|was)\b",
         0.8, 2),
    Rule("abuse.insult.your_trait", r"\byour (?:own |sheer |utter )?(?:ignorance|stupidity|"
         r"incompetence|idiocy|arrogance|laziness|cluelessness|uselessness)\b", 0.45, 1),
    Rule("abuse.insult.be_more", r"\b(?:can|could) (?:you|u|anyone|he|she) (?:really |even |"
         r"possibly )?be (?:any )?(?:more|so|this) (?:{A})\b", 0.86, 2),
    Rule("abuse.belittle.stop_contributing",
         r"(?:^|[.!?] *)(?:please )?(?:just )?(?:stop|quit) contributing\b|\bdo (?:us|everyone|the world) "
         r"(?:all )?a favou?r and (?:quit|leave|stop|go away|disappear)\b|"
         r"\bimagine calling yourself an? \b|\b(?:sad|painful|embarrassing|hilarious|funny|"
         r"pathetic) (?:to watch|watching|seeing) (?:you|u|him|her|them) (?:try|attempt|struggle|"
         r"fail)", 0.8, 1),
    Rule("abuse.insult.what_a", r"\bwhat (?:a|an) (?:{I} |{A} ){{0,2}}{N}\b(?! {THING})", 0.88, 2),
    Rule("abuse.insult.bunch_of", r"\b(?:bunch|pack|band|gang) of (?:{A} ){{0,2}}{N}s\b",
         0.88, 2),
    Rule("abuse.insult.like_you", r"\b(?:{N}|{A}) (?:like|as) (?:you|u|him|her|them)\b", 0.85, 2),
    Rule("abuse.insult.your_brain",
         r"\byour (?:{A} )?(?:brain|head|skull|mom|mother|face|ass|iq|kind)\b"
         r"(?: (?:is|are|must be|has|looks?))? (?:{I} ){{0,2}}(?:{A}|{N}|empty|tiny|small)", 0.85, 2),
    Rule("abuse.insult.standalone", r"(?:^|[.!?\n] ?)(?:{A} )?(?:{P})s?[.!?]*(?:$|\n)", 0.75, 1),
    Rule("abuse.insult.mention", r"@[\w\-]+,? (?:{I} ){{0,3}}(?:{P})s?\b", 0.86, 2),
    Rule("abuse.insult.you_suck", r"\b(?:you|u|yall|you guys|you people|you all|{N}s?) "
         r"(?:all |really |just |still |totally |always |have always |have )?(?:suck|sucked|stink|"
         r"blow)\b|\b(?:everything|anything) (?:you|u) (?:guys |people )?(?:\w+ ){{0,5}}sucks\b",
         0.86, 2),
    Rule("abuse.insult.your_self", r"\byour (?:{I} )?(?:{A}|{N}) (?:self|selves)\b", 0.8, 2),
    Rule("abuse.insult.person_noun", r"\b(?:{P}|piece of (?:shit|crap)) (?:husband|wife|boyfriend|girlfriend|ex|boss|"
         r"coworker|colleague|maintainers?|developers?|devs?|authors?|owners?|admins?|"
         r"moderators?|mods?|contributors?|guys?|dude|person|people|man|woman|kids?)\b", 0.85, 2),
    Rule("abuse.hostile.what_the_fuck", r"\b(?:what )?the (?:fuck|fck|fk) (?:are|were|is wrong "
         r"with|do|did) (?:you|u|ya)\b", 0.8, 2),
    Rule("abuse.insult.kind_of_person", r"\b(?:a|an|very|such an?|what an?) (?:{I} )?(?:{A}) "
         r"(?:person|human(?: being)?|individual|guy|dude|man|woman|people)\b", 0.55, 1),
    Rule("abuse.vulgar.fuck_you", r"\b(?:fuck|fck|fk|screw|to hell with|fuck off,?) "
         r"(?:you|u|ya|yall|yourself|you guys|you all|off|him|her|them|@[\w\-]+|this guy|"
         r"the (?:maintainers?|devs?|developers?))\b(?! over| up| around)", 0.93, 2),
    Rule("abuse.vulgar.shut_up",
         r"(?:^|[.!?,:;\n] *|\b(?:you|u|just|so|now|please|and|oh|pls|plz) )(?:stfu|gtfo|shatup|"
         r"shutup|shaddup|shut (?:the fuck |the hell |your (?:\w+ )?(?:mouth|trap) )?up)\b"
         r"(?! and take my money)", 0.88, 2),  # the meme cheers a feature on
    Rule("abuse.vulgar.dismissal",
         r"\b(?:piss off|bugger off|sod off|get lost|eat shit|eat a dick|suck (?:my|a) (?:dick|cock|balls)|"
         r"kiss my ass|up yours|shove it up your|stick it up your|go to hell|get a life|"
         r"go (?:fuck|screw|play with) yourself|no(?:body| one) asked (?:you|u)(?! to)|"
         r"nobody (?:likes|wants|cares about) (?:you|u)(?! to)|piss up a rope|blow me|bite me|"
         r"get your head out of your (?:ass|arse|butt))\b",
         0.9, 2),
    Rule("abuse.belittle.not_for_you",
         r"\b(?:maybe |perhaps )?(?:programming|coding|software|open source|computers?|this job|"
         r"development) (?:just )?(?:is ?n't|is not|isn't) for (?:you|u)\b"
         r"|\bleave it to the (?:adults|grown-?ups|professionals)\b"
         r"|\bgo back to (?:flipping burgers|school|your (?:mom|mommy|basement|cave))\b"
         r"|\b(?:uninstall|delete) your (?:ide|editor|keyboard|account|computer|github)\b"
         r"|\bdo (?:you|u) even (?:know|understand|code|program|read)\b"
         r"|\bwho (?:hired|let) (?:you|u|this \w+)\b"
         r"|\b(?:my|a) (?:grandma|grandmother|cat|dog|\d+[- ]year[- ]old|kid|toddler|monkey) "
         r"(?:could|can|would|codes?|writes?) (?:do |write |code )?(?:this |it )?better\b"
         r"|\blike (?:watching )?a (?:toddler|monkey|child|kid|chimp|baby) (?:with|use|using|playing)\b"
         r"|\b(?:written|coded|made|designed|programmed) by (?:a |an |some )?(?:monkey|donkey|"
         r"toddler|chimp|baboon|\d+[- ]year[- ]old)s?\b|\b(?:a|an|some) (?:monkey|donkey|"
         r"toddler|chimp|baboon|\d+[- ]year[- ]old)s?\)? (?:must have |could have |has )?"
         r"(?:wrote|written|coded) (?:this|that|it)\b",
         0.86, 2),
    Rule("abuse.hostile.what_is_wrong",
         r"\bwhat(?:'s| is) wrong with (?:you|u|you people|you guys|these people|them)\b"
         r"|\b(?:you|u) (?:should be|ought to be) ashamed\b|\bshame on (?:you|u)\b"
         r"|\bhow (?:stupid|dumb|incompetent|useless|lazy) (?:can|are) (?:you|u)\b",
         0.7, 1),
    Rule("abuse.threat.harm",
         r"\b(?:i|we)(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna| shall|'d| would)"
         r" (?:\w+ ){{0,2}}(?:kill|murder|hurt|stab|shoot|beat|punch|strangle|choke|"
         r"dox|doxx|find|hunt|destroy|ruin|end|visit|rape|burn|bury|break)(?: down)? "
         r"(?:you|u|him|her|them|your (?:family|kids|life|career|house|home)|"
         r"@[\w\-]+|the maintainers?|all of you|every one of you|each of you)\b",
         0.96, 3),
    Rule("abuse.threat.life",
         r"\b(?:make|making) (?:your|his|her|their) life (?:a )?(?:hell|misery|miserable)\b"
         r"|\bi know where (?:you|u|he|she|they) (?:live|work|sleep)\b"
         r"|\bwatch your back\b|\b(?:you|u)(?:'re| are| r) (?:so )?dead\b"
         r"|\b(?:you|u|you'll|he|she)(?:'ll| will| gonna| are going to)? (?:regret|pay for) (?:this|it)\b"
         r"|\bhope (?:you|u|he|she|they) (?:\w+ )?(?:die|dies|get cancer|gets cancer|get hit|burn|rot|suffer)\b"
         r"|\b(?:you|u|he|she|they|@[\w\-]+|people like (?:you|him|her|them)|(?:{G})s?) "
         r"(?:all )?(?:should|deserves? to|ought to|need to) (?:be )?(?:shot|killed|hanged|hung|"
         r"die|burn|lynched|beaten|gassed)\b|\bkill (?:yourself|urself|yourselves)\b|\bkys\b"
         # "die in a fire" said to someone (an order, "go ...", a person as subject), not
         # of a thing ("let it die in a fire", "this parser should die in a fire")
         r"|(?:^|[.!?] |\bgo |\b(?:just|please|pls) |(?:\b(?:you|u|he|she|they)|@[\w\-]+)"
         r"(?: (?:can|could|should|may|will|must|need to|ought to))? )"
         r"(?:die|drop dead) in a (?:fire|ditch|hole)\b|\bgo (?:die|drop dead)\b"
         r"|\bcome (?:to|over to) your (?:house|home|place)\b",
         0.95, 3),
    Rule("abuse.threat.consequence",
         r"\b(?:i|we)(?:'ll| will|'m going to| am going to|'m gonna| am gonna| gonna) (?:\w+ )?"
         r"(?:get|have) (?:you|u|him|her|them|@[\w\-]+) (?:fired|banned|arrested|deported|"
         r"expelled|kicked out)\b|\b(?:beat|knock|slap|punch|kick) (?:some )?(?:sense|the \w+) "
         r"(?:into|out of) (?:you|u|him|her|them)\b|\bruin (?:your|his|her|their) (?:career|life|"
         r"reputation)\b", 0.93, 3),
    Rule("abuse.harass.pile_on",
         r"\b(?:everyone|everybody|let's all|lets all|all of you|y'all|go|please) "
         r"(?:\w+ )?(?:spam|harass|flood|bombard|mass[- ]report|dm|tag|ping|call|email|troll|"
         r"raid|brigade) (?:him|her|them|@[\w\-]+|this (?:guy|dude|idiot|person))\b"
         r"|\b(?:tag|ping|spam|mention|harass) (?:him|her|them|@[\w\-]+) (?:in|on|everywhere|"
         r"every|until|so)\b"
         r"|\bi(?:'ll| will)? keep (?:spamming|pinging|tagging|emailing|messaging|mentioning|"
         r"harassing|posting)\b(?:.{{0,40}})\buntil\b"
         r"|\buntil (?:you|u|he|she|they) (?:quit|leave|give up|cry|cries|delete)\b"
         r"|\bso (?:he|she|they) never forgets?\b"
         r"|\bfollow (?:you|u|him|her|them) (?:to|around|everywhere|on every)\b"
         r"|\balt(?:ernate)? accounts?\b.{{0,60}}\bblock|\bblocking me (?:won't|will not|doesn't) "
         r"(?:help|stop|save)",
         0.9, 2),
    Rule("abuse.identity.generalisation",
         r"\btypical (?:{G})s?\b(?! (?:setup|layout|keyboard|locale|format|date|time|name))"
         r"|\b(?:{G})s? (?:people|developers|devs|guys|contributors|programmers|coders|folks|"
         r"engineers) (?:can't|cannot|can not|never|don't) (?:code|program|write|do anything|"
         r"be trusted|think)\b"
         r"|\b(?:{G})s? (?:people |developers |devs )?(?:should (?:be banned|go back|not be allowed|"
         r"leave|stay out)|ruin(?:ed|s)? (?:everything|this|open source|the project))\b"
         r"|\b(?:(?:{G})s|women|girls|(?:{G}) (?:people|developers|devs|contributors|guys|folks|"
         r"users|engineers|programmers|coders|members|maintainers)) (?:\w+ ){{0,3}}(?:shouldn't|"
         r"should not|should) (?:be )?(?:allowed|kicked out|banned|removed|deported|expelled)\b"
         r"|\bpeople of your (?:religion|race|kind|country|color|colour|ethnicity|gender)\b"
         r"|\bno wonder,? (?:the whole team|they|they're|everyone) (?:is|are)? ?(?:all )?(?:{G})s?\b"
         r"|\bwhen you let (?:{G})s? (?:people |devs |developers )?(?:maintain|run|write|touch)"
         r"|\bgo back to (?:your|their|his|her) (?:own )?(?:country|countries|village|jungle|cave)\b"
         r"|\bgo back (?:to |from )?where (?:you|they|he|she) came(?: from)?\b"
         r"|\b(?:{G})s? (?:{P})s\b"
         r"|\bno(?:body)? (?:wants|needs|likes) (?:{G})s?\b"
         r"|\b(?:{G})s? (?:are|r) (?:all )?(?:{A}|{N}|animals|subhuman|inferior|terrorists|"
         r"scammers|thieves|filth|vermin|the worst|a disease|a cancer)\b",
         0.9, 3),
    Rule("abuse.slur", r"\b(?:{S})s?\b", 0.9, 3),
    # "you ... being a <person noun>": the noun is aimed back at "you" ("thanks for being a
    # jerk", "your talent for being a total clown"); "at the risk of being a jerk" has no "you"
    Rule("abuse.insult.being_a", r"\b(?:you|u|your)\b[^.?!\n]{{0,40}}?\bbeing (?:{I} ){{0,3}}"
         r"(?:{P})s?\b", 0.85, 2),
    # Asking whether someone is drunk or on drugs mocks their judgement, not their code.
    Rule("abuse.hostile.intoxicated",
         r"\b(?:are|r) (?:you|u|yall|you guys|you people)(?: all)? (?:high|drunk|stoned|"
         r"on drugs|on crack)\b(?! (?:level|priority|end|quality|resolution|dpi|enough|volume|"
         r"load|traffic|availability|memory|cpu)\b)|\bwhat (?:are|were|r) (?:you|u|they|he|she) "
         r"(?:smoking|drinking)\b", 0.7, 1),
    # Terms of address that talk down to an adult; only as a vocative (start of a
    # sentence, after a comma or a verb's particle), not "my kiddo loves this app".
    Rule("abuse.belittle.condescending_address",
         r"(?:^|[.!?:;,] ?|\b(?:up|down|it|again|on|out|off|now|yourself|ok|okay|sorry|"
         r"nice try|listen|look) )(?P<word>{C})\b", 0.7, 1),
    # Sexual orientation used as a taunt ("why are u gae"), in the meme spellings too.
    Rule("abuse.identity.orientation_taunt",
         r"\b(?:are|r) (?:you|u|ya) (?:so |such an? |all )?(?:gay|gae|ghey|gey)\b(?! (?:friendly|"
         r"rights|marriage|community|people|person|men|women|characters?)\b)"
         r"|\b(?:you|u)(?:'re| are| r) (?:so |such an? )?(?:gay|gae|ghey|gey)\b(?!-| (?:friendly|"
         r"rights|marriage|community|people|person|men|women|characters?)\b)", 0.75, 2),
)
# Condescending terms of address (vocatives), see abuse.belittle.condescending_address.
CONDESCENDING_ADDRESS = ("kiddo", "sweetie", "sweety", "sweetheart", "little boy",
                         "little girl", "sonny")
# A rule only runs when one of its trigger words occurs in the text (speed: most comments
# trigger nothing). "@N", "@A", "@V", "@S", "@G", "@P" stand for a lexicon (the key word of
# each entry, see _key_words); a tuple of tuples means one word of *each* inner tuple must
# occur.
TRIGGERS: dict[str, tuple[str, ...] | tuple[tuple[str, ...], ...]] = {
    "abuse.insult.you_are": ("@N", "@A"),
    "abuse.insult.vocative": ("@N",),
    "abuse.insult.question": ("@N", "@A"),
    "abuse.insult.you_adjective": ("@V",),
    "abuse.insult.stop_being": ("stop", "quit"),
    "abuse.insult.those": ("@P",),
    "abuse.insult.they_are": ("@P",),
    "abuse.insult.group": ("@P",),
    "abuse.insult.how_stupid": ("how",),
    "abuse.insult.demonstrative": ("@P",),
    "abuse.vulgar.sexist": ("bitch", "bitches", "hoe", "hoes", "slut", "sluts", "whore", "whores",
                            "cunt", "cunts", "twat", "twats", "skank", "skanks"),
    "abuse.insult.your_trait": ("your",),
    "abuse.insult.be_more": ("@A",),
    "abuse.belittle.stop_contributing": ("contributing", "favor", "favour", "imagine",
                                         "watching", "watch", "seeing"),
    "abuse.insult.what_a": ("@N",),
    "abuse.insult.bunch_of": ("@N",),
    "abuse.insult.like_you": (("@N", "@A"), ("like", "as")),
    "abuse.insult.your_brain": ("your",),
    "abuse.insult.your_self": ("self", "selves"),
    "abuse.insult.person_noun": ("@P", "piece"),
    "abuse.hostile.what_the_fuck": ("fuck", "fck", "fk"),
    "abuse.insult.standalone": ("@P",),
    "abuse.insult.mention": ("@P",),
    "abuse.insult.you_suck": ("suck", "sucks", "sucked", "stink", "blow"),
    "abuse.insult.kind_of_person": (("@A",), ("person", "human", "individual", "guy", "dude",
                                              "man", "woman", "people")),
    "abuse.vulgar.fuck_you": ("fuck", "fck", "fk", "screw", "hell"),
    "abuse.vulgar.shut_up": ("stfu", "gtfo", "shut", "shatup", "shutup", "shaddup"),
    "abuse.hostile.what_is_wrong": ("wrong", "ashamed", "shame", "how"),
    "abuse.threat.harm": ("kill", "murder", "hurt", "stab", "shoot", "beat", "punch", "strangle",
                          "choke", "dox", "doxx", "find", "hunt", "destroy", "ruin", "end",
                          "visit", "rape", "burn", "bury", "break"),
    "abuse.threat.life": ("life", "know", "watch", "dead", "regret", "pay", "hope", "should",
                          "deserve", "deserves", "ought", "need", "kill", "kys", "die", "drop",
                          "come"),
    "abuse.belittle.not_for_you": ("programming", "coding", "software", "open", "computer",
                                   "written", "coded", "wrote", "donkey", "chimp", "baboon",
                                   "computers", "job", "development", "leave", "go", "uninstall",
                                   "delete", "even", "hired", "let", "grandma", "grandmother",
                                   "cat", "dog", "old", "kid", "toddler", "monkey", "watching"),
    "abuse.harass.pile_on": ("spam", "harass", "flood", "bombard", "report", "dm", "tag", "ping",
                             "call", "email", "troll", "raid", "brigade", "spamming", "pinging",
                             "tagging", "emailing", "messaging", "mentioning", "harassing",
                             "posting", "until", "forget", "forgets", "follow", "alt",
                             "alternate", "blocking"),
    "abuse.vulgar.dismissal": ("piss", "bugger", "sod", "lost", "eat", "suck", "kiss", "up",
                               "shove", "stick", "hell", "life", "yourself", "asked", "likes",
                               "wants", "cares", "rope", "blow", "bite", "head"),
    "abuse.threat.consequence": ("fired", "banned", "arrested", "deported", "expelled",
                                 "kicked", "sense", "ruin"),
    "abuse.identity.generalisation": ("@G", "go", "people", "no", "nobody", "typical"),
    "abuse.slur": ("@S",),
    "abuse.insult.being_a": (("@P",), ("being",)),
    "abuse.hostile.intoxicated": ("high", "drunk", "stoned", "drugs", "crack", "smoking",
                                  "drinking"),
    "abuse.belittle.condescending_address": ("kiddo", "sweetie", "sweety", "sweetheart",
                                             "boy", "girl", "sonny"),
    "abuse.identity.orientation_taunt": ("gay", "gae", "ghey", "gey"),
}
# Phrases before a match that turn it into a quote, a negation or a self-description.
# Phrases before a match that make it a quote, a negation or a self-description. Read on
# the folded view, so written squashed ("call me" is "cal me" there). Up to three words may
# follow the phrase, within the clause ("I'm right, and you ..." is a new clause).
_UP_TO_THREE_WORDS = r"[^\w.?!\n]*(?:\w+[^\w.?!\n,;]+){0,3}$"
NEGATED_BEFORE = re.compile(squash_pattern(
    r"(?:\bnot saying|n't saying|\bnot calling|n't call|\bnever (?:said|called)|\bnot that|"
    r"\bno one is|\bnobody is|\bif you think)" + _UP_TO_THREE_WORDS
))
# What was said to the poster ("he called me an idiot"): reported speech, kept on record.
TOLD_ME_BEFORE = re.compile(squash_pattern(
    r"(?:\bcalled me|\bcall me|\bcalls me|\btold (?:me|us) to|\btells? (?:me|us) to)"
    + _UP_TO_THREE_WORDS
))
# What someone said ("he said that @x is an idiot"): reported only in a reporting frame.
SAID_BEFORE = re.compile(squash_pattern(
    r"(?:\bsaid|\bsays|\bsaying|\btold (?:them|him|her|@[\w\-]+) to)" + _UP_TO_THREE_WORDS
))
# Self-descriptions ("I'm such an idiot", "makes me feel like a fool") do not cover a match
# that names its own target: "I'm sure you are an idiot" is aimed at you.
SELF_BEFORE = re.compile(squash_pattern(
    r"(?:\bif i|\bi feel like|\bi'm|\bi am|\bmakes me feel|\bi look like|\bi was|\bi felt|"
    r"\bmade me look|\bus from being|\bwe are|\bwe're|\bwe were|\bmakes? us look)"
    + _UP_TO_THREE_WORDS
))
# A cheap test first: each phrase of both contains one of these.
NEGATION_HINT = re.compile(squash_pattern(
    r"saying|call|never|not that|no one|nobody|if |said|says|i feel|i'm|i am|makes|make us|"
    r"i look|i was|i felt|made me|told|tell|us from|we are|we're|we were"
))
_AIMED = re.compile(r"(?:you|u|ya|ye|yal|y'al)\b|@")
# Squashing repeated letters merges a few insults with everyday words ("ass" -> "as",
# "coon" -> "con", "nigger" -> "niger"); such a word only counts when the original spelling
# has the insult's double letters ("ass", "asss"; not "as" or "conn").
COLLISIONS = {
    "as": "ass", "con": "coon", "cons": "coons", "niger": "nigger", "fol": "fool",
    "fols": "fools", "pis": "piss", "hel": "hell",
}
# "fuck off" folds to "fuck of": in that rule "of" must have been written "off".
RULE_COLLISIONS = {"abuse.vulgar.fuck_you": {**COLLISIONS, "of": "off"}}
_FOLDED_WORD = re.compile(r"[a-z]+")


def _alt(words: tuple[str, ...]) -> str:
    return trie_alternation({squash(w.lower()) for w in words})


def _key_words(entries: tuple[str, ...]) -> frozenset[str]:
    """One word each entry cannot match without: its longest (with the plural ``s?`` adds).

    A "word" is what ``Doc.words`` holds, a run of a-z of the folded text, and every rule
    bounds its lexicon entries by non-letters, so an entry's words are words of the text
    ("so dumb" needs "dumb", "n*gger" needs "gger"). The longest word is the rarest guess.
    """
    keys: set[str] = set()
    for entry in entries:
        words = _FOLDED_WORD.findall(squash(entry.lower()))
        key = max(words, key=len)
        keys.add(key)
        if key == words[-1]:
            keys.add(squash(key + "s"))
    return frozenset(keys)


Triggers = tuple[frozenset[str], ...]  # every set must meet the text's words


@functools.cache
def rule_triggers() -> dict[str, Triggers]:
    """rule id -> trigger word sets (empty: the rule always runs)."""
    expand = {
        "@N": _key_words(lexicon.INSULT_NOUNS), "@A": _key_words(lexicon.INSULT_ADJECTIVES),
        "@V": _key_words(lexicon.VOCATIVE_ADJECTIVES), "@S": _key_words(lexicon.SLURS),
        "@G": _key_words(lexicon.IDENTITY_GROUPS), "@P": _key_words(lexicon.PERSON_NOUNS),
    }
    out: dict[str, Triggers] = {}
    for rule in RULES:
        spec = TRIGGERS.get(rule.rule_id, ())
        groups: tuple[tuple[str, ...], ...] = (
            tuple(g for g in spec if isinstance(g, tuple))
            or ((tuple(w for w in spec if isinstance(w, str)),) if spec else ())
        )
        sets = []
        for group in groups:
            expanded: set[str] = set()
            for word in group:
                expanded |= expand.get(word, {squash(word)})
            sets.append(frozenset(expanded))
        out[rule.rule_id] = tuple(sets)
    return out


@functools.cache
def compiled_rules() -> tuple[tuple[Rule, WordPattern], ...]:
    parts = _parts(_alt)
    return tuple((rule, compile_words(squash_pattern(rule.pattern).format(**parts), re.M))
                 for rule in RULES)


@functools.cache
def _prefilter() -> Prefilter:
    """Plain (not trie-factored) alternations: RE2 reads the words in them as atoms."""
    parts = _parts(_plain_alt)
    return Prefilter([(squash_pattern(rule.pattern).format(**parts), re.M) for rule in RULES])


def _parts(alternation: Callable[[tuple[str, ...]], str]) -> dict[str, str]:
    parts = {
        "T": squash_pattern(TARGET), "H": squash_pattern(THIRD_PERSON),
        "B": squash_pattern(BE), "BH": squash_pattern(BEHAVE), "THING": squash_pattern(THING),
        "P": alternation(lexicon.PERSON_NOUNS), "N": alternation(lexicon.INSULT_NOUNS),
        "A": alternation(lexicon.INSULT_ADJECTIVES), "I": alternation(lexicon.INTENSIFIERS),
        "S": alternation(lexicon.SLURS), "V": alternation(lexicon.VOCATIVE_ADJECTIVES),
        "G": alternation(lexicon.IDENTITY_GROUPS), "C": alternation(CONDESCENDING_ADDRESS),
    }
    return {key: f"(?:{value})" for key, value in parts.items()}


def _plain_alt(words: tuple[str, ...]) -> str:
    return "|".join(re.escape(w) for w in sorted({squash(w.lower()) for w in words}))


def detect(doc: Doc) -> Iterator[RuleHit]:
    folded = doc.folded
    text = folded.text
    quotes = Quotes(text)
    words = doc.words
    triggers = rule_triggers()
    rules = compiled_rules()
    own: list[RuleHit] = []
    reported: list[RuleHit] = []
    for index in _prefilter().candidates(text):
        rule, pattern = rules[index]
        if any(words.isdisjoint(needed) for needed in triggers[rule.rule_id]):
            continue
        collisions = RULE_COLLISIONS.get(rule.rule_id, COLLISIONS)
        anywhere = rule.rule_id in ANYWHERE
        spans: dict[Speaker, list[tuple[int, int]]] = {Speaker.OWN: [], Speaker.REPORTED: []}
        for m in pattern.finditer(text):
            speaker = _speaker(doc, quotes, m, collisions, anywhere)
            if speaker is not None:
                spans[speaker].append(_evidence(m))
        for found, out in ((spans[Speaker.OWN], own), (spans[Speaker.REPORTED], reported)):
            if found:
                out.append(doc.hit(rule.rule_id, ABUSE, rule.score, found[:5],
                                   severity=rule.severity, view=folded))
    yield from own
    # Reported words are someone else's only in a comment whose own words are not abusive:
    # then they stay on record as quoted hits (capped below review, never acted on, like a
    # quote block); next to the poster's own abuse they count as the poster's.
    yield from (dataclasses.replace(h, quoted=not own) for h in reported)


def _evidence(m: re.Match[str]) -> tuple[int, int]:
    """The span to show: a rule whose match needs context before the insult (a comma, a
    sentence start) names the insult itself as its group "word"."""
    return m.span("word") if "word" in m.re.groupindex else m.span()


# Words someone or something else said: 'the app tells me "wrong choice, you moron"'. A
# quotation counts as reported when a verb of saying (or an error/message noun) comes shortly
# before its opening mark on the same line.
REPORTED_QUOTE = re.compile(squash_pattern(
    r"\b(?:say|says|said|saying|tell|tells|told|telling|ask|asks|asked|reply|replies|"
    r"replied|answer|answers|answered|respond|responds|responded|write|writes|wrote|"
    r"print|prints|printed|show|shows|showed|display|displays|displayed|shout|shouts|"
    r"shouted|yell|yells|yelled|call|calls|called|message|error|prompt|reads|read|"
    r"post|posts|posted|comment|comments|commented|such as|like|writing|calling|posting|"
    r"quoting|quoted|quote)\b"
    r"[^\n\"'“‘]{0,20}?(?:(\")[^\"\n]+\"|(')[^\n]+?'(?!\w)|(“)[^”\n]+”|(‘)[^’\n]+’)"
))


# Abuse someone else posted, repeated to report it: "Reporting this comment by @x: <their
# words>", "@x wrote that the maintainer is a <insult>; I reported it". After a verb of
# posting, the words behind a colon (to the end of the paragraph, or of the quotation that
# opens there) or behind "that" (to the end of the sentence) are theirs only in a reporting
# frame: a reporting or moderation cue near the colon. A pronoun alone ("they wrote: ...") is
# no frame, and "I said: <insult>" stays the poster's own. Either way the words are kept as
# quoted hits (on record, never acted on), not dropped (see ``detect``).
REPORTED_POST = re.compile(squash_pattern(
    r"(?:\b(?:posted|wrote|commented|replied|said|left|sent|messaged|tweeted|dm'd|dmed|"
    r"quoting|quoted|forwarding|forwarded)\b|"
    r"\b(?:report|reporting|reported|flag|flagging|flagged) (?:this|that|the|a|his|her|their) "
    r"(?:comment|message|post|reply|review|dm|e-?mail)s?\b|"
    r"\b(?:comments?|messages?|replies|insults?|attacks?|remarks?|words) (?:like|such as)\b)"
    r"(?:(?P<colon>[^:\n.!?]{0,60}:)|(?P<that> (?:that|how)\b)[^.!?\n]+)"
))
POSTING_HINT = re.compile(squash_pattern(
    r"posted|wrote|commented|replied|said|left|sent|messaged|tweeted|dm'd|dmed|report|flag|"
    r"quot|forward|like|such as"))
REPORTING = re.compile(squash_pattern(
    r"\b(?:report|reported|reporting|flag|flagged|flagging|moderators?|mods|code of conduct|"
    r"coc|hide (?:it|this|that)|block (?:him|her|them)|remove|removed|delete|deleted|"
    r"ban|banned|blocked)\b"
))
# How far from the colon (or "that") a reporting cue may stand: the frame around the words.
CUE_BEFORE, CUE_AFTER = 80, 100
# The poster as the subject of the verb: their own words ("I said: ...", "what I wrote: ...").
FIRST_PERSON = re.compile(r"\b(?:i|we)(?:'ve|'d| have| had| just| also| then| already)?\s*$")
_SUBJECT = re.compile(r"[^\W\d_]")
_OPENING = {"\"": "\"", "'": "'", "“": "”", "‘": "’"}
# Where a paragraph ends: each newline followed by a blank line (the lookahead keeps runs of
# blank lines from hiding one another, so the list answers "the first end after i" exactly).
_PARAGRAPH_END = re.compile(r"\n(?=[ \t]*\n)")


def reported_posts(text: str) -> list[tuple[int, int]]:
    """Spans of the folded text that repeat what a third party posted (see REPORTED_POST)."""
    if not POSTING_HINT.search(text):
        return []
    ends: list[int] | None = None  # found once: searching from each colon was quadratic
    spans = []
    for m in REPORTED_POST.finditer(text):
        frame = m.end("colon") if m.group("colon") else m.end("that")
        if FIRST_PERSON.search(text, max(0, m.start() - 40), m.start()) or not REPORTING.search(
                text, max(0, m.start() - CUE_BEFORE), min(len(text), frame + CUE_AFTER)):
            continue
        if m.group("colon"):  # the paragraph after the colon (the next one if it ends a line)
            start = m.end()
            while start < len(text) and text[start].isspace():
                start += 1
            if ends is None:
                ends = [e.start() for e in _PARAGRAPH_END.finditer(text)]
            after = bisect.bisect_left(ends, start)
            end = ends[after] if after < len(ends) else len(text)
            spans.append((m.end(), _quotation_end(text, start, end)))
        else:
            spans.append((m.end("that"), m.end()))
    return spans


def _quotation_end(text: str, start: int, end: int) -> int:
    """Where the reported words end: at the closing mark when they open with a quotation
    mark (what follows it is the reporter's again), else at ``end``."""
    closing = _OPENING.get(text[start : start + 1])
    if closing is None:
        return end
    close = text.find(closing, start + 1, end)
    return end if close < 0 else close + 1


def reported_quotes(text: str) -> list[tuple[int, int]]:
    """Quotations after a verb of saying (REPORTED_QUOTE) whose speaker is named and is not
    the poster: 'the CLI prints "..."' is reported, a bare 'posted "..."' or 'I said "..."'
    is the poster's own."""
    spans = []
    for m in REPORTED_QUOTE.finditer(text):
        before = text[max(text.rfind("\n", 0, m.start()) + 1, m.start() - 40) : m.start()]
        if _SUBJECT.search(before) and not FIRST_PERSON.search(before):
            spans.append(m.span())
    return spans


class Quotes:
    """Spans of the folded text that repeat someone else's words: quoted lines ("> "), reported
    speech and reported posts. Found on first use only: most texts have no match needing them."""

    __slots__ = ("_lines", "_speech", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._lines: SpanIndex | None = None
        self._speech: SpanIndex | None = None

    def in_line(self, index: int) -> bool:
        if self._lines is None:
            self._lines = SpanIndex(quoted_lines(self._text) if ">" in self._text else ())
        return self._lines.covers(index)

    def in_speech(self, index: int) -> bool:
        if self._speech is None:
            text = self._text
            quoting = "'" in text or '"' in text or "“" in text or "‘" in text
            speech = reported_quotes(text) if quoting else []
            self._speech = SpanIndex(speech + reported_posts(text))
        return self._speech.covers(index)


# Slurs are identity attacks wherever they appear, also in reported or self-directed speech
# ("I feel like a <slur>"); only code and quoted lines of an earlier message are exempt.
ANYWHERE = frozenset({"abuse.slur"})


class Speaker(enum.Enum):
    """Whose words a match is in: the poster's own, or someone else's they report."""

    OWN = "own"
    REPORTED = "reported"


def _speaker(doc: Doc, quotes: Quotes, m: re.Match[str],
             collisions: dict[str, str] = COLLISIONS, anywhere: bool = False) -> Speaker | None:
    """Whose words the match is in; None drops it (code, quoted lines, a negation, a
    self-description, half of a compound word)."""
    if not _speaks_at_all(doc, quotes, m, collisions):
        return None
    if anywhere:
        return Speaker.OWN
    return _voice(doc.folded.text, quotes, m)


def _voice(text: str, quotes: Quotes, m: re.Match[str]) -> Speaker | None:
    """The clause around a match: the poster's own words, someone else's they report, or
    None (negated, "not calling you an idiot", or self-directed, "I'm such an idiot")."""
    start, end = m.span()
    reported = quotes.in_speech(start)
    window = max(0, start - 40)
    before = text[window:start]
    if NEGATION_HINT.search(before):
        if NEGATED_BEFORE.search(before):
            return None
        said = SAID_BEFORE.search(before)
        if TOLD_ME_BEFORE.search(before) or (said and _reporting_frame(text, window, said, end)):
            reported = True
        elif not said and not _AIMED.match(m.group()) and SELF_BEFORE.search(before):
            return None
    return Speaker.REPORTED if reported else Speaker.OWN


def _reporting_frame(text: str, offset: int, said: re.Match[str], end: int) -> bool:
    """Is "<someone> said ..." reported (a cue near it, a speaker other than the poster)?"""
    verb = offset + said.start()
    return not FIRST_PERSON.search(text, max(0, verb - 40), verb) and bool(REPORTING.search(
        text, max(0, verb - CUE_BEFORE), min(len(text), end + CUE_AFTER)))


@functools.cache
def _long_form(word: str) -> re.Pattern[str]:
    """"coon" -> c+o{2,}n+: the word with its double letters still doubled."""
    parts, i = [], 0
    while i < len(word):
        j = i
        while j < len(word) and word[j] == word[i]:
            j += 1
        parts.append(f"{re.escape(word[i])}{{2,}}" if j - i > 1 else f"{re.escape(word[i])}+")
        i = j
    return re.compile("".join(parts))


def unsquashed(original: str, start: int, end: int) -> str:
    """The original text of a folded-view span, including letters squashing dropped."""
    while 0 < end < len(original) and original[end].lower() == original[end - 1].lower():
        end += 1
    return original[start:end]


def _collision(doc: Doc, m: re.Match[str], collisions: dict[str, str]) -> bool:
    """Did the match rely on a squashed word that was an everyday word in the original?"""
    for word in _FOLDED_WORD.finditer(m.group()):
        full = collisions.get(word.group())
        if full is not None:
            s, e = doc.folded.span(m.start() + word.start(), m.start() + word.end())
            written = unsquashed(doc.norm.original, s, e).lower()
            written = "".join(LEET.get(c, c) for c in written)
            if not _long_form(full).fullmatch(written):
                return True
    return False


def _base_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Folded-view span -> base-view span (both views index the same original text)."""
    original = doc.folded.span(start, end)
    if isinstance(doc.base.offsets, range):
        return original
    import bisect

    offsets = doc.base.offsets
    return (bisect.bisect_left(offsets, original[0]), bisect.bisect_left(offsets, original[1]))


@functools.cache
def _abusive_vocabulary() -> WordPattern:
    words = (*lexicon.INSULT_NOUNS, *lexicon.INSULT_ADJECTIVES, *lexicon.PROFANITY,
             *lexicon.SLURS)
    return compile_words(rf"\b(?:{_alt(words)})s?\b")


@functools.cache
def _vocabulary_words() -> frozenset[str]:
    """A word each abusive-vocabulary entry needs (see ``_key_words``): a cheap pre-check."""
    return _key_words((*lexicon.INSULT_NOUNS, *lexicon.INSULT_ADJECTIVES, *lexicon.PROFANITY,
                         *lexicon.SLURS))


def has_abusive_vocabulary(doc: Doc) -> bool:
    """Gate for the statistical scorer: it may only raise texts that use abusive words
    (outside code, quoted lines and self-directed phrasings; reported speech included, see
    ``speaks_abusive_vocabulary``)."""
    return bool(_vocabulary_speakers(doc))


def speaks_abusive_vocabulary(doc: Doc) -> bool:
    """Are abusive words used in the poster's own words (not only in speech they report)?
    A model hit on a text whose abusive words are all reported is someone else's."""
    return Speaker.OWN in _vocabulary_speakers(doc)


def _vocabulary_speakers(doc: Doc) -> set[Speaker]:
    if doc.words.isdisjoint(_vocabulary_words()):
        return set()
    text = doc.folded.text
    quotes = Quotes(text)
    speakers: set[Speaker] = set()
    for m in _abusive_vocabulary().finditer(text):
        speaker = _speaker(doc, quotes, m)
        if speaker is Speaker.OWN:
            return {speaker}
        if speaker is not None:
            speakers.add(speaker)
    return speakers


def vocabulary_voices(doc: Doc) -> list[tuple[tuple[int, int], bool]]:
    """Folded-view spans of the abusive words some speaker uses, each with True when it is
    the poster's own voice and False when its clause is negated, self-directed or reported
    (``_voice``, the rules' own reading). Words in code, quoted lines, compounds and
    squashing collisions are left out: they are no clause of anyone's."""
    if doc.words.isdisjoint(_vocabulary_words()):
        return []
    text = doc.folded.text
    quotes = Quotes(text)
    return [(m.span(), _voice(text, quotes, m) is Speaker.OWN)
            for m in _abusive_vocabulary().finditer(text) if _speaks_at_all(doc, quotes, m)]


def _speaks_at_all(doc: Doc, quotes: Quotes, m: re.Match[str],
                   collisions: dict[str, str] = COLLISIONS) -> bool:
    """Is the match a word of some speaker (not code, a quoted line, a compound's first half
    or an everyday word that squashing made look like an insult)?"""
    start, end = m.span()
    text = doc.folded.text
    if text[end : end + 1] == "-" and text[end + 1 : end + 2].isalpha():
        return False  # the first half of a compound: "idiot-proof", "clown-proofed"
    if quotes.in_line(start):
        return False
    base_start, base_end = _base_span(doc, start, end)
    return not (doc.in_code(base_start, base_end) or _collision(doc, m, collisions))
