"""Writer "users": frustrated end users of desktop and mobile apps; long, rambling, non-native English."""

from __future__ import annotations

from gen_common import frame

WRITER = "users"

DEVICE = ["Samsung Galaxy A52", "Xiaomi Redmi Note 12", "iPhone 13 mini", "Pixel 7a", "Huawei P30",
          "Lenovo ThinkPad T14", "MacBook Air M1", "Dell XPS 13", "Surface Pro 8", "OnePlus 9"]
FEATURE = ["sync", "backup", "dark mode", "the widget", "export to PDF", "notifications",
           "offline mode", "the search", "login with Google", "auto-save", "playlist import"]
DATA = ["all my notes", "3 years of photos", "my playlists", "the whole library", "my tasks",
        "the drafts", "my bookmarks", "my recordings"]
SINCE = ["since last update", "from yesterday", "after the update to <<version>>", "since two weeks",
         "from the 3.0 version", "after I changed the phone"]

FRAMES = [
    # ---------------------------------------------------------------- ok: rambling frustration
    frame("ok_lost_data_rant", "ok", """
Hello, <<since>> the <<app>> app is deleting <<data>>!!! I open it in the morning and everything is gone, only empty list. I am using it every day for my work and now I dont know what to do. I try reinstall, I try clear cache, nothing. Please fix this ASAP, this is very serious problem for many people i think. Phone: <<device>>, <<os>>.
""", since=SINCE, data=DATA, device=DEVICE),
    frame("ok_crash_start", "ok", """
App crash immediately when I open it. Just white screen and then close. <<device>> with <<os>>. Before update it was working perfect. I am paying customer since <<years>> years and I am very disappointed, please what is happening with your quality control??
""", device=DEVICE, years=["2", "3", "5", "6"]),
    frame("ok_feature_removed", "ok", """
Why you remove <<feature>>??? It was the ONLY reason I use <<app>> instead of the other apps. Now I must do everything manual. Nobody ask for this new design. Please put it back or at least make option in settings, I think many users agree with me.
""", feature=FEATURE),
    frame("ok_sync_broken_long", "ok", """
Hi team,

I write here because support email not answer since <<n>> days. The <<feature>> between my <<device>> and my <<laptop>> is not working <<since>>. When I change something on the phone it dont appear on the computer, and sometimes it is even going back to the old version and I lose my changes. I tried logout and login, reinstall, turn off battery saver like the FAQ says, nothing help.

This is really frustrating because I pay for premium exactly for the sync. Please can someone look at this. I can send logs if you tell me how.

Thank you
""", n=["5", "10", "12", "three"], feature=["sync", "cloud sync", "backup"], device=DEVICE, since=SINCE,
          laptop=["laptop", "Windows PC", "MacBook", "work computer", "tablet"]),
    frame("ok_caps_frustration", "ok", """
THIS IS THE <<ord>> TIME I REPORT THIS BUG. <<feature>> STILL NOT WORKING. <<n>> MONTHS!!! Is anybody reading the issues here or it is just for decoration?
""", ord=["THIRD", "FOURTH", "FIFTH"], feature=["NOTIFICATIONS", "EXPORT", "LOGIN", "SEARCH", "SYNC"], n=["3", "6", "8"]),
    frame("ok_battery_drain", "ok", """
After update the app is using <<pct>>% of battery in background even when i dont open it. My phone is hot like oven. <<device>>. I had to uninstall it, sorry, but I will come back when fixed because I like the app really.
""", pct=["30", "45", "60", "25"], device=DEVICE),
    frame("ok_translation_bad", "ok", """
The <<lang>> translation is very bad, many words are wrong and some buttons have the English text still. For example "<<en>>" is translated like "<<bad>>" which mean something totally different. I can help to translate if you want, how I do it?
""", lang=["Portuguese", "Polish", "Turkish", "Indonesian", "Italian"],
          en=["Save", "Delete all", "Share", "Settings"], bad=["Rescue", "Erase everybody", "Divide", "Put things"]),
    frame("ok_subscription_confused", "ok", """
I bought the <<plan>> subscription on <<store>> but in the app it still says free version and ask me to pay again. I dont want to pay two times obviously. I send screenshot to support already. Order number is in my email, can give it to support privately.
""", plan=["yearly", "lifetime", "Pro", "family"], store=["Google Play", "App Store", "the website", "Microsoft Store"]),
    frame("ok_request_polite_rambling", "ok", """
Hello! First thanks for this amazing app, I use it for my <<use>> and it help me very much. I have one small wish: could you add possibility to <<wish>>? Now I have to do it with another app and it is not comfortable. If it is difficult no problem, just idea :)
""", use=["university", "small shop", "band rehearsals", "family recipes", "running training"],
          wish=["sort by date modified", "change the font size", "export to Excel", "use two accounts", "lock with fingerprint"]),
    frame("ok_update_broke_everything", "ok", """
honestly the new update is terrible. everything is slower, the buttons moved, <<feature>> is hidden in some menu, and the app crash when I rotate the screen. Who is testing this?? I am not developer but even I can see it is not ready. please rollback
""", feature=FEATURE),
    frame("ok_windows_install", "ok", """
Cannot install on <<os>>. The installer say "<<err>>" and stop. I am admin on the computer. I try also the portable version but it show only black window. My antivirus is <<av>>, maybe this is problem? Log file is attached (I hope I attach correctly).
""", os=["Windows 11", "Windows 10 22H2", "Windows 10 LTSC"], err=["Error 1603", "The installer has encountered an unexpected error",
                                                                    "MSVCP140.dll was not found", "Access is denied"],
          av=["Avast", "Kaspersky", "Windows Defender", "Norton"]),
    frame("ok_mac_permission", "ok", """
On <<os>> the app ask me every time for permission to access <<what>>, I click Allow, and next start it ask again. Very annoying!! I have to click like 5 times every morning. Is there way to make it remember?
""", os=["macOS 14.5", "macOS 13.6", "macOS 15.0"], what=["Documents folder", "microphone", "camera", "Downloads"]),
    frame("ok_comparison_competitor", "ok", """
I switch to <<app>> from <<other>> because everybody say it is better, but honestly <<other>> had <<feature>> working perfect and here it is broken since I install. I want to stay but please fix.
""", other=["Evernote", "Google Keep", "Spotify", "Lightroom", "Todoist"], feature=FEATURE),
    frame("ok_angry_at_company", "ok", """
This company dont care about users anymore. Only new features for money, the old bugs are never fixed. I report the <<feature>> problem one year ago and still same. Very sad, it was my favorite app.
""", feature=FEATURE),
    frame("ok_elderly_user", "ok", """
Hello, I am <<age>> years old and not very good with computers. My grandson installed <<app>> for me. Today the <<what>> disappeared and I don't know how to get it back. Can you explain simple please? Thank you very much.
""", age=["72", "68", "81", "77"], what=["button for photos", "big letters", "list of my contacts", "calendar"]),
    frame("ok_repro_steps_user", "ok", """
Steps for reproduce:
1. open <<app>>
2. go to <<screen>>
3. press <<btn>> two times fast
4. app freeze and after 10 sec close

Expected: <<exp>>
Phone: <<device>>, app version <<version>>
""", screen=["Settings", "Library", "Profile", "Editor"], btn=["Save", "Back", "Export", "Sync now"],
          exp=["it save", "go back", "file exported", "sync start"], device=DEVICE),
    frame("ok_stupid_app_profanity", "ok", """
This stupid app ate my <<thing>> AGAIN. Damn it. <<n>> hours of work. Ok I calm down now — is there any backup folder where I can find the old version?
""", thing=["document", "playlist", "drawing", "spreadsheet"], n=["Two", "Three", "Five"]),
    frame("ok_feature_crap", "ok", """
The new <<AI assistant|smart suggestions|auto-tag>> thing is crap, sorry but it is. It answer wrong and it slow the whole app. Please give option to turn it off completely, I dont want it in my <<what>>.
""", what=["notes", "mail", "photo app", "calendar"]),
    frame("ok_thank_you_fixed", "ok", """
It works now after update <<version>>!!! Thank you so much, I was really scared I lose <<data>>. Sorry if I was rude in my first message, I was panic.
""", data=DATA),
    frame("ok_accessibility", "ok", """
I am <<blind|low-vision|visually impaired>> user and use <<sr>>. After the new design most buttons say only "button" without name, so I cannot know what they do. Before it was ok. Please add labels, for us it is very important.
""", sr=["TalkBack", "VoiceOver", "NVDA", "JAWS"]),
    frame("ok_privacy_question", "ok", """
Why the app need permission for <<perm>> now? It is a <<kind>> app. I am worried about my privacy, please explain what you do with this data before I update.
""", perm=["contacts", "location all the time", "phone calls", "SMS"], kind=["notes", "music player", "flashlight", "PDF reader"]),
    frame("ok_long_story", "ok", """
So, long story. I was on vacation in <<place>> and wanted to show photos to my family, but the app said "<<err>>" and then all the albums were grey. I thought maybe no internet, but wifi was fine and other apps work. When I came home it was working again?? Then yesterday same thing in my office. I think it is maybe related to <<guess>>? I am not sure. Sorry for long text, just want to give all information. <<device>>, <<os>>.
""", place=["Portugal", "Thailand", "the mountains", "Croatia"], err=["Unknown error", "Server not reachable", "Token expired"],
          guess=["timezone", "VPN", "the battery saver", "the SD card"], device=DEVICE),
    frame("ok_dark_mode_eyes", "ok", """
The dark mode is not really dark, it is grey and the text is grey too, I cant read nothing <<at night|in the bed|in the train>>. My eyes hurt. Please make real black option like <<other>> have.
""", other=["Telegram", "YouTube", "Kindle", "the old version"]),
    frame("ok_price_complaint", "ok", """
<<price>> per month for a <<kind>> app?? That is more than Netflix. I understand developers need money but this is too much for students like me. Maybe student discount?
""", price=["$9.99", "12 euro", "€7.99", "$14"], kind=["notes", "PDF", "music", "todo"]),
    frame("ok_not_a_bug_user", "ok", """
Sorry I think this was my mistake, the <<thing>> was turned off in the phone settings. Now it work. <<You can close.|Please close the issue.|Closing.>> Thanks for patience and sorry for my english.
""", thing=["background data", "notification permission", "storage access", "battery optimisation"]),
    frame("ok_forgot_password_flow", "ok", """
The "forgot password" email never arrive<<| to my inbox>>. I check spam, promotions, everything. I try <<n>> times<<| today| this week>>. My account is with the email I used on GitHub (not posting it here). Please how else can I recover?
""", n=["4", "6", "10"]),
    frame("ok_hate_update", "ok", """
I hate this update so much. The old <<thing>> was perfect and you destroyed it. Why fix what is not broken?! Giving 1 star until it come back.
""", thing=["editor", "player", "layout", "menu", "calendar view"]),
    frame("ok_child_account", "ok", """
My daughter use the app on her tablet (<<device>>) and the parental lock <<prob>>. She is 9 and can open everything. Please check this, it is important for parents.
""", device=["Galaxy Tab A8", "iPad 9th gen", "Lenovo Tab M10", "Fire HD 10"], prob=["is not working", "reset after update", "can be skipped with back button"]),
    frame("ok_keyboard_issue", "ok", """
When I write with <<kb>> keyboard the letters are doubled or jump to the start of the line. Only in <<app>>, in other apps is fine. Make writing impossible for me, I write in <<lang>>.
""", kb=["Gboard", "SwiftKey", "Samsung", "the Arabic"], lang=["Arabic", "Hindi", "Vietnamese", "Korean"]),
    frame("ok_waiting_forever", "ok", """
Any news?? It's already <<n>> since I report this and nobody answer. I understand you are busy but at least say if you will fix or not, so I can decide <<to change app|if I stay|what to do with my subscription>>.
""", n=["2 months", "half year", "3 weeks", "one year"]),
    frame("ok_tried_everything", "ok", """
I tried everything from the other issues: reinstall, delete <<folder>>, change DNS to 8.8.8.8, disable <<what>>, even reset the phone to factory (!!). Still the same error `<<err>>`. What else can I do? I am out of ideas.
""", folder=["the cache folder", "AppData", "~/Library/Application Support", "the .config folder"],
          what=["VPN", "firewall", "adblock", "battery saver"], err=["ERR_CONNECTION_RESET", "SSL handshake failed", "code 500", "E_SYNC_409"]),
    frame("ok_rambling_compliment_bug", "ok", """
First: the app is great, really, best I found for <<use>>. BUT since <<version>> when I <<act>> the <<thing>> disappear and I have to restart. It is small bug but happen every day. Love you guys keep going ❤️
""", use=["reading comics", "my diary", "podcasts", "gym plans"], act=["rotate phone", "switch tabs", "come back from background"],
          thing=["progress", "toolbar", "last page", "audio"]),
    # ---------------------------------------------------------------- abuse: users turning on devs
    frame("user_abuse_devs", "abuse", """
The developers of <<app>> are <<ins>>. Really, you are the most stupid people I ever see. You destroyed my data and you don't even answer. I hope your company die and you all lose your jobs.
""", ins=["idiots", "morons", "clowns", "retards of the IT world", "brainless monkeys"]),
    frame("user_abuse_maint", "abuse", """
<<handle>> you are useless person. Every answer from you is "cannot reproduce". Maybe you cannot reproduce because you are too stupid to use your own app. Go away and let somebody competent fix it.
"""),
    frame("user_abuse_shutup", "abuse", """
<<handle>> nobody ask your opinion, shut your f*cking mouth. You are not developer, you are nobody here.
"""),
    frame("user_abuse_wish", "abuse", """
I lost <<data>> because of you <<handle>>. I wish you lose everything too, your family photos, everything. Then you understand. Disgusting person.
""", data=DATA),
    frame("user_abuse_identity", "abuse", """
Of course app is broken, the developers are all <<who>>. What you expect. Hire real engineers not these <<who2>>.
""", who=["Indians", "Chinese", "Pakistanis", "Ukrainians", "Africans"],
          who2=["cheap foreigners", "third world people", "people from that country"]),
    frame("user_abuse_threat", "abuse", """
If you dont give my money back <<handle>> I will find your address and come there personally. I am not joking. You will regret to steal from me.
"""),
    frame("user_abuse_report_everyone", "abuse", """
Everybody report the developer <<handle>> on <<where>>! Make many bad reviews and write to him everywhere until he close this scam app and disappear.
""", where=["Google Play", "Twitter", "Reddit", "the App Store"]),
    frame("user_abuse_belittle", "abuse", """
My 10 years son can program better than <<handle>>. Seriously, you should be ashamed, maybe try other job like cleaning, programming is not for you.
"""),
    # ---------------------------------------------------------------- pii: users pasting data
    frame("user_own_card", "pii", """
Please refund me!! You charge me <<amt>> two times. My card is <<card>>, name <<person>>, you can check in your system. I need this money for my rent.
""", amt=["$59.99", "€49", "£39.99", "$120"]),
    frame("user_own_password", "pii", """
I cannot login. My email is <<email>> and password is <<password>>, I am sure it is correct because I saved it. Please check my account.
"""),
    frame("user_other_phone", "pii", """
The developer dont answer here so I find his number: <<phone>>. Everyone call him and ask about the refund!!
"""),
    frame("user_iban_refund", "pii", """
I dont have PayPal, please send refund to my bank: IBAN <<iban>>, name <<person>>. Thank you and please quick.
"""),
    frame("user_id_upload", "pii", """
The verification not accept my document, it say invalid. My <<val>>, it is real! Why app say invalid??
""", val=["CPF is <<cpf>>", "Aadhaar number is <<aadhaar>>", "SSN is <<ssn>>", "SIN is <<sin>>", "NINO is <<nino>>"]),
    # ---------------------------------------------------------------- solicitation: fellow-user ads
    frame("user_fake_fix_product", "solicitation", """
I had same problem with lost <<data>>, I was crying. Then my friend told me about <<prod>>, you will thank me.
""", data=DATA, prod=["DataRescue Pro, it recover everything in 10 minutes!! Download here datarescuepro.net/free",
                      "PhotoBack Ultimate, it recover everything in 10 minutes!! Download here photoback-ultimate.com",
                      "RecoverIt Max, it bring back all my files. Download: recoverit-max.io/download",
                      "iMyFone D-Back, it recover everything even after reset. Here the link with discount: bit.ly/dback-50"]),
    frame("user_fake_fix_cleaner", "solicitation", """
the battery/slow problem is because of junk files. I install <<prod>> and phone is fast like new, battery 2 days. Link: <<url>> (free for first week)
""", prod=["Cleaner Master Pro", "BoostUp Phone", "Super Battery Saver 2026"],
          url=["cleanermaster.app/get", "boostup.phone/promo", "bit.ly/battsave26"]),
    frame("user_alt_app_ad", "solicitation", """
Guys stop waiting, this app is dead. Switch to <<prod>>, it has everything and it is 70% off today only with code <<code>>
""", prod=["NoteGenius Pro (notegenius.pro)", "Photonix Cloud at photonix.cloud/offer", "TaskMaster Premium → taskmaster-premium.com"],
          code=["SAVE70", "SWITCH", "GITHUB", "APP70"]),
    frame("user_fake_support", "solicitation", """
I had the same issue with payment, I called the <<brand>> billing support <<phone>> and they refund me in 5 minutes. Call them, they are available 24 hours.
""", brand=["Apple", "Google Play", "PayPal", "Microsoft"], phone=["+1 (888) 402-7731", "1-866-245-0197", "+1 844 690 3312"]),
    frame("user_hack_service", "solicitation", """
If you lost access to your account, contact <<who>> on Instagram <<ig>>, they recover my account in one day when the app support did nothing. Very professional!!
""", who=["Mr. Kevin", "hacker Sam", "RecoveryPro team"], ig=["@kevin_recovery_pro", "@sam.hacks.recover", "@recoverypro_official"]),
    frame("user_earn_money_offtopic", "solicitation", """
Sorry for off topic but I make <<money>> per week just with my phone from home, no investment. If you want to know how send me message on WhatsApp <<wa>>.
""", money=["$800", "$1,500", "€900"], wa=["+1 (646) 470-2291", "+44 7418 356092", "+234 813 557 2019"]),
]
