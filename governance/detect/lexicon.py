"""Word lists for the abuse rules, as data.

Words are matched on the folded view (lower-case, leetspeak undone, repeated letters
squashed), so each list is written plainly here and squashed when the rules compile.
Lists hold stems where plural/-s forms are handled by the patterns (``s?``).
"""

from __future__ import annotations

# Nouns that insult a person ("you <noun>", "he is a <noun>").
INSULT_NOUNS = (
    "idiot", "moron", "imbecile", "cretin", "dumbass", "dumb ass", "dipshit", "jackass",
    "asshole", "arsehole", "asshat", "ass", "bastard", "bitch", "prick", "dick", "dickhead",
    "douche", "douchebag", "twat", "cunt", "wanker", "tosser", "loser", "clown", "buffoon",
    "fool", "retard", "scumbag", "scum", "trash", "garbage", "piece of shit", "piece of crap",
    "piece of garbage", "troll", "muppet", "pig", "creep", "jerk", "nitwit", "halfwit",
    "dimwit", "numbskull", "bonehead", "blockhead", "knucklehead", "simpleton", "ignoramus",
    "brat", "hypocrite", "parasite", "leech", "degenerate", "lunatic", "psycho", "freak",
    "vermin", "cockroach", "motherfucker", "fucker", "shithead", "shitbag", "dumbo", "doofus",
    "dolt", "oaf", "dunce", "twit", "pillock", "plonker", "bellend", "knobhead", "slut",
    "whore", "hoe", "skank", "waste of space", "waste of oxygen", "waste of skin", "bum",
    "clown", "amateur", "noob", "nobody", "subhuman", "snowflake", "gatekeeper",
    "incel", "neckbeard", "crybaby", "baby", "child", "kiddo", "toddler", "monkey", "donkey",
    "sheep", "skid", "pussy", "fraud", "liar", "coward", "known fraud", "script kiddie", "lowlife", "dirtbag", "sleazebag", "pos", "shitstain",
    # political epithets for a servant of a power ("you are the lackeys of ...")
    "running dog", "lackey", "stooge",
)
# Nouns that can only insult a person (no "garbage", "trash", "monkey", "child"): used
# after third-person pronouns and in rules without an explicit target.
PERSON_NOUNS = (
    "idiot", "moron", "imbecile", "cretin", "dumbass", "dipshit", "jackass", "asshole",
    "arsehole", "asshat", "bastard", "bitch", "prick", "dickhead", "douche", "douchebag",
    "twat", "cunt", "wanker", "tosser", "loser", "clown", "buffoon", "fool", "retard",
    "scumbag", "nitwit", "halfwit", "dimwit", "numbskull", "bonehead", "knucklehead",
    "simpleton", "ignoramus", "brat", "hypocrite", "degenerate", "lunatic", "psycho",
    "motherfucker", "fucker", "shithead", "shitbag", "doofus", "dolt", "twit", "pillock",
    "plonker", "bellend", "knobhead", "slut", "whore", "skank", "liar", "fraud", "coward",
    "crybaby", "troll", "jerk", "creep", "lowlife", "dirtbag", "sleazebag", "incel",
    "neckbeard", "waste of oxygen", "pussy", "dumbo",
    "race traitor", "teabagger",
)
# Adjectives that insult a person ("you are <adj>", "what a <adj> <noun>").
INSULT_ADJECTIVES = (
    "stupid", "dumb", "idiotic", "moronic", "retarded", "brainless", "brain-dead", "braindead",
    "brain dead", "clueless", "incompetent", "worthless", "useless", "pathetic", "ignorant",
    "lazy", "disgusting", "arrogant", "pompous", "delusional", "unintelligent",
    "spineless", "gutless", "petulant", "pitiful", "mediocre", "inept", "dishonest",
    "shameless", "filthy", "vile", "obnoxious", "insufferable", "dimwitted",
    "clownish", "imbecilic", "low-iq", "low iq", "mentally ill",
    "racist", "sexist", "abusive", "a joke", "so dumb", "trash", "garbage",
    "dumbest", "stupidest", "laziest", "most incompetent", "worst", "cowardly", "disgrace",
)
# Adjectives strong enough that "you <adj> <anything>" is an insult ("you useless gatekeepers").
VOCATIVE_ADJECTIVES = (
    "stupid", "dumb", "idiotic", "moronic", "retarded", "brainless", "brain-dead", "braindead",
    "clueless", "incompetent", "worthless", "useless", "pathetic", "ignorant", "disgusting",
    "pompous", "arrogant", "spineless", "filthy", "vile", "fucking", "dumbass", "pathetic",
    "miserable", "sorry ass", "lazy ass", "ungrateful", "insufferable",
)
# Intensifiers that may sit between a target and an insult.
INTENSIFIERS = (
    "a", "an", "the", "such", "so", "just", "really", "truly", "completely", "totally",
    "absolutely", "utterly", "fucking", "fking", "freaking", "damn", "goddamn", "bloody",
    "complete", "total", "absolute", "utter", "real", "little", "big", "huge", "bunch of",
    "all", "both", "being", "literally", "clearly", "obviously", "seriously", "very", "too",
    "pure", "an absolute", "one", "nothing but", "still", "always", "acting like", "like",
    "known", "such an", "such a", "the biggest", "a real", "a total", "a complete",
)
# Slurs: identity attacks wherever they appear (severity 3).
SLURS = (
    "nigger", "nigga", "niggaz", "nigguh", "faggot", "fag", "fagot", "faggit",
    "tranny", "trannies", "shemale", "spic", "chink", "kike", "wetback", "raghead",
    "towelhead", "gook", "paki", "dyke", "coon", "beaner", "sandnigger", "porch monkey",
    "jungle bunny", "zipperhead", "camel jockey", "gyppo", "kaffir", "retards",
    "mongoloid", "spastic", "spaz", "wop", "dago", "chinaman", "golliwog", "jigaboo",
    "heeb", "yid", "shylock", "white trash",
    "hoes", "bitches", "lesbo", "feminazi", "libtard", "niggah", "nicca", "whitey", "ching chong",
    "dike", "spook", "spooks", "pussies", "n*gger", "n*gga", "n***er", "f*ggot", "f*g",
    "anchor baby", "trailer trash", "race traitor",
)
# Words naming groups of people by identity (for "typical <group>", "<group> people are ...").
IDENTITY_GROUPS = (
    "indian", "chinese", "pakistani", "russian", "polish", "mexican", "african", "arab",
    "jewish", "jew", "muslim", "christian", "hindu", "black", "white", "asian", "gay",
    "lesbian", "trans", "transgender", "women", "woman", "female", "girl", "immigrant",
    "foreigner", "brazilian", "nigerian", "german", "french", "italian", "spanish", "turkish",
    "iranian", "israeli", "palestinian", "ukrainian", "american", "british", "japanese",
    "korean", "vietnamese", "filipino", "bangladeshi", "indonesian", "egyptian", "latino",
    "hispanic", "catholic", "atheist", "buddhist", "sikh", "romanian", "bulgarian", "albanian",
    "syrian", "afghan", "somali", "ethiopian", "kenyan", "european", "third world",
    "third-world", "non-native", "boomer", "disabled", "autistic", "homosexual",
    "queer", "lgbt", "feminist", "leftist", "liberal", "conservative", "communist",
)
# Profanity: ok on its own (aimed at code or oneself); a signal when aimed at a person.
PROFANITY = (
    "fuck", "fucking", "fucked", "fck", "fk", "shit", "shitty", "crap", "crappy", "damn",
    "ass", "asshole", "bullshit", "piss", "pissed", "dick", "bitch", "bastard", "wtf", "stfu",
    "hell", "sucks", "suck", "pussy", "cock", "cunt", "twat", "whore", "slut", "hoe", "dyke",
)
