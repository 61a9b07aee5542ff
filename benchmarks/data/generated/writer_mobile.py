"""Writer "mobile": mobile app developers and their users, short, often non-native (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "mobile"

HANDLES = ["@dimas-pr", "@thiago-rn", "@chioma-dev", "@nguyenvk", "@mert-ylz", "@lenka-h",
           "@arif-kt", "@juliana-fl", "@ebuka-a", "@hoanglm", "@selin-k", "@rodrigo-mb"]
PROJECTS = ["camshot_flutter", "rn-mapkitten", "purchasely-kt", "stridely", "busnow"]
DEVICES = ["Samsung A14", "Redmi Note 12", "Pixel 7a", "iPhone 13 mini", "Infinix Hot 30",
           "Oppo A78", "iPhone 15 Pro", "Tecno Spark 10"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS, device=DEVICES)


FRAMES = [
    # ================================================================ ok: users and devs, short, non-native
    f("ok_crash_short", "ok", """
app crash when i open <<camera|map|history>> tab. <<device>>, android <<13|14>>. <<pls fix|please check|help>>
"""),
    f("ok_nonnative_gradle", "ok", """
Hi, I get error when build release:

```
Execution failed for task ':app:<<minifyReleaseWithR8|mergeReleaseResources|checkReleaseDuplicateClasses>>'.
> Missing class com.google.android.gms.<<location.LocationRequest$Builder|common.api.ApiException>>
```

Debug is work fine, only release. <<I try clean and invalidate cache already.|Maybe proguard rule missing?>>
"""),
    f("ok_flutter_doctor", "ok", """
Same problem here. `flutter doctor -v`:

```
[✓] Flutter (Channel stable, <<3.22.2|3.24.3|3.19.6>>, on macOS 14.5)
[!] Xcode - develop for iOS and macOS (Xcode <<15.4|16.0>>)
    ✗ CocoaPods installed but not working.
```

<<After `sudo gem install cocoapods` it works.|Still the `camera_avfoundation` pod fails to link.>>
"""),
    f("ok_frustrated_apple", "ok", """
Xcode <<16|15.3>> is <<trash|garbage|a nightmare>>. Every update break something, now the simulator don't start and `pod install` hang forever. Not the plugin fault I know, just need to say it <<😤|somewhere|lol>>
"""),
    f("ok_store_rejection", "ok", """
Google Play rejected our app <<again|for the third time>> because of `ACCESS_BACKGROUND_LOCATION` from <<project>>. Their review is <<a joke|completely random|so stupid>>, same build was approved last month. Is there a way to use only foreground location?
"""),
    f("ok_user_angry_update", "ok", """
After last update the step counter is <<broken|completely wrong|useless>>. I walk 9 km yesterday and app say <<1,200|300>> steps. I use this app two years and <<never have problem|love it>>, what happen?
"""),
    f("ok_assign_me_short", "ok", """
<<i can fix this|I want to work on this issue>>, <<pls assign me|please assign to me|can you assign me?>> I already found the problem is in `<<CameraController.dispose|MapView.onDetachedFromWindow>>`
"""),
    f("ok_assign_me_plan", "ok", """
Hello maintainers, I'd like to take this. My plan: <<add a `flashMode` getter|handle `null` from `getLastKnownLocation`|check `billingClient.isReady` before query>> and a widget test. <<I'm new to open source, please guide me if wrong.|Should be ready this weekend.>>
"""),
    f("ok_boss_deadline", "ok", """
Any update? <<My boss|Our client|My PM>> want this <<by Friday|for the demo on Monday|before the app store release>> and I don't know workaround. I can test any branch, just tell me.
"""),
    f("ok_job_ontopic", "ok", """
At my job we ship <<project>> in <<a delivery app|a banking app|a ride-hailing app>> with ~<<200k|1M>> users, and this crash is our top crash in Crashlytics (<<3.1%|0.8%>> of sessions). Stack attached.
"""),
    f("ok_recommend_free_lib", "ok", """
For offline maps you can try <<flutter_map with MBTiles|MapLibre GL>>, it's free and open source, work good for us in <<Jakarta|Lagos|Hanoi>> where network is bad. Not my library, just happy user.
"""),
    f("ok_own_app_link", "ok", """
Maintainer here — if you want to see the plugin working before integrating, it's the same code as our <<demo app|sample app>> on the Play Store: play.google.com/store/apps/details?id=dev.<<camshot.demo|busnow.sample>>. It's free, no ads.
"""),
    f("ok_own_sponsor_mobile", "ok", """
<<Thanks everyone for the patience.|Fixed in the next release.>> I maintain this alone after work; if <<project>> saves your company time, you can support it here: https://github.com/sponsors/<<dimas-pr|chioma-dev|thiago-rn>>. No pressure.
"""),
    f("ok_ask_paid_plan", "ok", """
Is there paid version with priority support? <<Our company can pay|My client can pay>>, we just need someone to fix <<iOS 18 crash|the Huawei issue>> fast. If not is ok, I understand.
"""),
    f("ok_report_spam_quote", "ok", """
Spam in the issue above, somebody post "<<I had same problem, download this app|earn money from home, contact whatsapp|buy 5 star reviews cheap>>" with a link. <<Can maintainer delete it?|Please remove.>> I reported the account.
"""),
    f("ok_report_rude", "ok", """
<<handle>> write to me "<<learn programming first before opening issues|go back to school stupid|nobody care about your cheap phone>>" in the other issue. I just ask a question. Is this allowed here?
"""),
    f("ok_mod_reply_rude", "ok", """
<<handle>> no, it's not allowed. I hid the comment telling you to "<<learn programming first|go back to school>>". Your question is fine, and the answer is: <<set `minSdkVersion` to 24|add the permission to Info.plist>>.
"""),
    f("ok_idiom_device_kill", "ok", """
The <<Xiaomi|Huawei|Oppo>> battery optimizer <<kills|murders|assassinates>> the background service after 10 minutes, that's why tracking stop. You need to whitelist the app in settings, not a bug in the plugin.
"""),
    f("ok_vulgar_at_emulator", "ok", """
<<wtf|damn|holy shit>>, the emulator was using the <<cached APK|old build>> the whole time. <<Sorry guys|My bad>>, works now.
"""),
    f("ok_thanks_short", "ok", """
<<work now|its working|perfect>>, <<thank you so much|terima kasih|obrigado|thanks bro>> <<🙏|❤️|!!>>
"""),
    f("ok_terse_plus_one", "ok", """
<<same on|also happening|+1,>> <<device>> <<android 14|ios 17.5|ios 18 beta>>
"""),
    f("ok_version_numbers", "ok", """
Still broken on <<project>> <<version>>, build <<20240611|10472|3381>>. Xcode log: `dyld: Library not loaded: @rpath/<<CamShot.framework|MapKitten.framework>>`. Tried on 3 different Mac.
"""),
    f("ok_iap_sandbox", "ok", """
In-app purchase work in sandbox but in production `queryProductDetails` return empty list. Products are active in Play Console <<since 2 days|for a week>>. Do I need wait more? Using <<project>> <<version>>.
"""),
    f("ok_frustration_no_answer", "ok", """
<<3 weeks|one month|45 days>> and no answer from maintainer. I understand is free project but please tell us yes or no, then we can <<change library|plan>>. <<Very frustrating.|Sad.>>
"""),
    f("ok_talk_about_review_fraud", "ok", """
Off topic but related to this app: somebody is posting fake 1-star reviews on <<project>>'s store page copying text from this issue tracker. Maintainers, you can report them to Google from Play Console, I did it for my app last year.
"""),
    f("ok_translation_offer", "ok", """
I can translate the app to <<Turkish|Vietnamese|Yoruba|Indonesian>>, I'm native speaker. Where is the strings file? <<Free of course.|Happy to help.>>
"""),
    f("ok_blunt_maint_reply", "ok", """
<<This is not a bug.|Works as designed.|Won't fix.>> <<The OS kills the camera when the app goes to background, you must re-init in `didChangeAppLifecycleState`.|iOS doesn't allow this API without the entitlement.>> Closing.
"""),
    f("ok_logs_with_ids", "ok", """
```
E/AndroidRuntime(<<2841|19402>>): FATAL EXCEPTION: main
Process: com.<<stridely.app|busnow.transit>>, PID: <<2841|19402>>
java.lang.IllegalStateException: <<Camera is closed|Fragment not attached to a context>>
    at dev.camshot.CameraPlugin.onPause(CameraPlugin.kt:<<line>>)
```
device <<device>>
"""),
    f("ok_user_privacy_question", "ok", """
Does the app send my location to any server? I read privacy policy but not clear. I <<run|bike>> every morning from my home and don't want that public. <<Sorry if wrong place to ask.|Thanks.>>
"""),
    f("ok_hate_this_bug", "ok", """
<<I hate this bug so much|This bug is killing me|This bug is driving me crazy>>. <<Four|Two>> days debugging and the answer was `<<android:exported="true"|requestLegacyExternalStorage>>` in the manifest. Writing it here so nobody else suffer.
"""),
    f("ok_discuss_install_fraud", "ok", """
Question for maintainers: our downloads jumped from <<300|1,000>> to <<40k|90k>> a week overnight, I think someone is running fake installs on the <<package|npm package>> for some reason. Anyone seen that? Should we report to <<pub.dev|npm>>?
"""),
    # ================================================================ abuse
    f("ab_go_learn", "abuse", """
<<handle>> you don't even know how to read a stack trace, <<go learn programming|delete your account|go back to school>> and stop opening issues, you are <<useless|embarrassing>>.
"""),
    f("ab_cheap_phone_contempt", "abuse", """
Nobody care about your <<cheap phone|garbage device|5 dollar android>> <<handle>>, people like you are why developers hate supporting <<Android|your country>>. Buy a real phone or shut up.
"""),
    f("ab_maint_lazy_worthless", "abuse", """
The maintainer of this plugin is <<lazy and useless|a useless person|a joke>>. <<handle>> you don't deserve the stars this repo has, <<give it to someone competent|just archive it and disappear>>.
"""),
    f("ab_shut_up_short", "abuse", """
<<handle>> <<shut up|stfu|shut ur mouth>> <<nobody asked you|stupid|idiot>>
"""),
    f("ab_nationality_short", "abuse", """
All the bad PR in this repo come from <<Indian|Nigerian|Pakistani|Bangladeshi>> devs. Maintainers should block <<them|people from there>>, they only spam <<"please assign me"|and copy code>>.
"""),
    f("ab_wish_harm_short", "abuse", """
<<handle>> I hope <<your phone explode in your hand|you lose your job like I lost my data|your app get banned and you go bankrupt>>. You deserve it.
"""),
    f("ab_compare_skill_mobile", "abuse", """
My <<10 year old son|grandmother|cat>> can write better Flutter code than <<handle>>. <<How this person is maintainer?|Pathetic.>>
"""),
    f("ab_report_brigade", "abuse", """
Guys <<handle>> closed my issue again. Everybody go to <<their profile|the Play Store page of their app>> and <<report them|leave 1 star>>, let's destroy them.
"""),
    f("ab_contempt_reviewer", "abuse", """
<<handle>> every comment you write is useless. <<You're not a developer, you're a parrot.|Nobody on this repo respects you.>> Stop reviewing PRs.
"""),
    f("ab_religion_mobile", "abuse", """
This app is made by <<Muslims|Hindus|Christians|Jews>>, no wonder it's broken. People from that religion should not be allowed to contribute here.
"""),
    f("ab_threat_mobile", "abuse", """
I know you live in <<Ho Chi Minh|Lagos|Istanbul|Surabaya>> <<handle>>. Fix my issue or I will find you. I'm serious.
"""),
    f("ab_user_insults_dev", "abuse", """
You developers are <<idiots|clowns|morons>>, <<handle>> especially. Every update you break something and you don't care about us. <<Disgusting people.|Shame on you.>>
"""),
    f("ab_mock_english_mobile", "abuse", """
"<<app not start anymore|work now thank you|please assign me>>" lol. <<handle>> learn english before you learn code, <<nobody understand you|you are embarrassing this repo>>.
"""),
    # ================================================================ solicitation
    f("sol_review_seller", "solicitation", """
Hello developer, your app have low rating. We provide real 5-star reviews and installs for Google Play and App Store, <<100|200>> reviews from $<<60|90>>, safe for your account. WhatsApp <<+62 812 7734 1190|+880 1712 345678>>
"""),
    f("sol_app_builder_disguised", "solicitation", """
I had same problem with camera plugin, very painful. I switched to <<brand>> no-code builder and it have camera built in, no more crash. Free trial at <<brand.1>>
""", brand=[('Appforma', 'appforma.io'), ('BuildZap', 'buildzap.app/start'), ('Flutterly Studio', 'flutterly.studio/try'), ('AppSprout', 'appsprout.io')]),
    f("sol_vpn_disguised", "solicitation", """
The map tiles don't load because your ISP block it. Install <<brand>> and it work instantly, I use it every day. <<60% off lifetime|first month $1>> at <<brand.1>>
""", brand=[('FlashVPN Pro', 'flashvpnpro.com'), ('TurboShield VPN', 'turboshield.app/deal')]),
    f("sol_data_recovery_disguised", "solicitation", """
Lost your workout history after update? Same happened to me, I recovered everything with <<brand>>, it scan phone memory. Download: <<brand.1>>
""", brand=[('PhoneRescue Plus', 'phonerescueplus.net'), ('DataBack Mobile', 'databack-mobile.com'), ('RestoreMe Pro', 'restoreme-pro.com'), ('FitBackup', 'fitbackup.app')]),
    f("sol_income_boast_wa", "solicitation", """
I was also android developer earning little money. Now I make $<<800|1,200>> daily with crypto mining app my mentor show me. Contact him WhatsApp <<+44 7418 302915|+1 917 884 2290>> and say I send you.
"""),
    f("sol_trading_signals_tg", "solicitation", """
Stop wasting time with bugs 😂 join my trading signals group, <<90%|95%>> win rate, members making $<<500|1000>>/day. Telegram: <<t.me/fx_profit_club|t.me/signals_mentor_ng>>
"""),
    f("sol_gig_flutter", "solicitation", """
Need Flutter dev for my startup app (<<food delivery|dating|crypto wallet>>), paid project, long term. If interested contact me on Telegram <<@startup_ceo_k|@app_founder_mo>>, budget negotiable.
"""),
    f("sol_hire_me_mobile", "solicitation", """
Hi I am mobile developer, I can make any app: Flutter, React Native, Kotlin, Swift. <<Cheap price fast delivery.|Best price, 3 days delivery.>> Check my Fiverr <<fiverr.com/appmaster_pk|fiverr.com/flutter_wizard>> ⭐⭐⭐⭐⭐
"""),
    f("sol_user_research_paid", "solicitation", """
Hi, we are doing research on fitness app users. Can the maintainers tell us how many active users <<stridely|busnow>> has and their age groups? We pay $<<100|150>> for a 20-min interview, book at <<calendly.com/fitresearch-lab|cal.com/mobility-insights>>
"""),
    f("sol_installs_seller", "solicitation", """
Boost your app ranking 🚀 <<10k|50k>> real installs with reviews, keyword ranking top 10 guaranteed. Telegram <<@aso_rocket|@playstore_boost>>, payment after result.
"""),
    f("sol_essay_mobile", "solicitation", """
Student making final year project app? We do complete <<Android|Flutter>> final year projects with report and presentation, plagiarism free. <<finalyearprojects.pk|projecthelp24.com>> WhatsApp available.
"""),
    f("sol_account_sell", "solicitation", """
Selling verified Google Play developer accounts (<<2019|2018>> created, no strikes) — publish your app today without waiting. $<<250|300>>. Contact <<@playacc_store|@devaccounts_shop>> on Telegram.
"""),
    f("sol_agency_mobile", "solicitation", """
Your users need a better app! <<brand>> build beautiful mobile apps for startups, 50+ apps delivered. Free consultation: <<brand.1>> 📱
""", brand=[('Pixelcraft Studios', 'pixelcraftstudios.io'), ('AppNest Labs', 'appnestlabs.com'), ('Codeloom Mobile', 'codeloom.mobi'), ('Swiftbyte Apps', 'swiftbyte-apps.com')]),
    # ================================================================ more
    f("ok_permission_ios", "ok", """
App crash on iOS <<17.5|18.1>> when request camera. Console: `This app has crashed because it attempted to access privacy-sensitive data without a usage description. The app's Info.plist must contain an NSCameraUsageDescription key`. <<Oh wait, my fault.|Is this documented somewhere?>>
"""),
    f("ok_rn_metro", "ok", """
`npx react-native run-android` fail with `error: Unable to resolve module <<react-native-reanimated|@rn-mapkitten/core>> from node_modules/rn-mapkitten/src/index.js`. RN <<0.73.6|0.74.1>>. <<Did `--reset-cache`, no change.|Happen only on Windows.>>
"""),
    f("ok_dev_swears_at_gradle", "ok", """
<<Gradle is the worst thing ever invented|I swear Gradle hates me personally|fuck Gradle honestly>>. Upgrading AGP to <<8.4|8.5>> fixed it. Leaving this for next person.
"""),
    f("ok_ask_donate_how", "ok", """
This library <<save my project|is amazing>>, how can I donate? I don't see sponsor button. <<I'm in Brazil, PayPal is ok?|Want to buy you a coffee.>>
"""),
    f("ab_dev_stupid_users", "abuse", """
<<handle>> is the kind of user that should be banned from the internet. <<Too stupid to read the README|Brain of a potato>>, and still demanding things. Go away.
"""),
    f("sol_followers_mobile", "solicitation", """
Want your repo trending? 🔥 We sell GitHub stars, forks and watchers, <<instant|24h>> delivery, cheapest price. <<githubstars.store|repotrend.shop>> — crypto and PayPal accepted.
"""),
    f("sol_sim_otp_service", "solicitation", """
If you need phone number for testing SMS OTP in your app, we sell virtual numbers for <<100+|150+>> countries, cheap. <<smsverify-hub.com|otpnumbers.net>> — bulk discount for developers.
"""),
    # ================================================================ third pass
    f("ok_company_wants_to_pay", "ok", """
My company use <<project>> in our app and we want to pay the maintainer to add <<Android 15 support|the iOS 18 camera API>> faster. How can we do it? <<Sponsor? Invoice?|We can send invoice from our side.>> Please tell us the right way.
"""),
    f("sol_review_swap", "solicitation", """
Hi devs 👋 I have app on Play Store too. If you give my app 5 star review I give yours 5 star also, and my friends group do it too, we are <<200|300>> members. Link my app: <<play.google.com/store/apps/details?id=com.quickcalc.pro|play.google.com/store/apps/details?id=com.tinyflash.light>>
"""),
]
