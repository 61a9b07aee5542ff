"""Writer "homelab": self-hosters and home-automation tinkerers, colloquial and sweary (BRIEFS.md)."""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "homelab"

HANDLES = ["@gazza-pi", "@sheilacodes", "@mossbank", "@tinkerjen", "@dougal-h", "@kiwi-nas",
           "@lofty-lights", "@brummie-dev", "@okonjo-home", "@fenwick-j", "@pixie-zigbee",
           "@rook-selfhost"]
PROJECTS = ["hearthub", "reelbox", "snapvault", "hearthub-zigbee", "reelbox-scanner"]
HARDWARE = ["Raspberry Pi 4", "Pi 5", "Synology DS920+", "old ThinkPad", "NUC i5", "Unraid box",
            "QNAP TS-453D", "Odroid HC4"]


# Each frame: four variants of one situation, with this writer's own handles and names.
f = frame_maker(4, handle=HANDLES, project=PROJECTS, hw=HARDWARE)


FRAMES = [
    # ================================================================ ok: swearing at machines, idioms
    f("ok_bloody_zigbee", "ok", """
This <<bloody|fucking|stupid>> Zigbee stick drops off the bus every time the <<hw>> <<gets warm|does a backup>>. `dmesg` says `cp210x ttyUSB0: failed set request 0x12 status: -110`. Moved it onto a USB extension cable, fingers crossed.
"""),
    f("ok_nas_shat_itself", "ok", """
NAS <<shat itself|crapped out|died a horrible death>> again overnight, so <<project>> lost the media mount and marked <<2,300|every one of my>> films as missing. Not your bug, but could the scanner wait for the mount instead of deleting library entries?
"""),
    f("ok_throw_router", "ok", """
I'm going to throw this <<ISP router|mesh system|smart plug>> out of the window. It hands out <<ip>> to two devices at once and the hub loses the <<Hue bridge|Shelly relays>> twice a day. Static DHCP leases fixed it, sorry for the noise.
"""),
    f("ok_kill_container", "ok", """
If the web UI hangs, <<kill the container|docker kill it>> and <<nuke|blow away>> `./config/.storage/core.restore_state` before starting again — <<that file gets corrupted on SD cards|the restore state is what wedges it>>. Back it up first obviously.
"""),
    f("ok_firmware_vendor_rant", "ok", """
<<Tuya|Xiaomi|Some no-name vendor>> pushed a firmware update that <<broke local control|removed the local API|changed every device ID>>. Absolute clowns of a company, honestly. Not the integration's fault — is there a way to block the update at the router?
"""),
    f("ok_self_swear", "ok", """
<<Ah ffs|Bollocks|Oh for fuck's sake>>, I had `network_mode: host` commented out. That's two evenings I'm not getting back. <<Ignore me.|Closing, works perfectly.>>
"""),
    f("ok_compose_question", "ok", """
Running it on <<hw>> with:

```yaml
services:
  <<project>>:
    image: ghcr.io/<<project>>/<<project>>:<<version>>
    volumes:
      - /srv/<<media|photos>>:/data:ro
    ports: ["<<port>>:<<port>>"]
```

and thumbnails never generate. Logs say `permission denied: /data/.thumbs`. Do I need a writable volume for the cache?
"""),
    f("ok_journalctl_trace", "ok", """
`journalctl -u <<project>> -n 40`:

```
<<project>>[<<line>>]: ERROR (MainThread) [homeassistant.components.<<mqtt|zha>>] Error connecting to <<ip>>:<<1883|8123>>
<<project>>[<<line>>]: OSError: [Errno 113] Host is unreachable
```

<<Broker's up, I can ping it.|The broker's on the same VLAN.>> Any ideas?
"""),
    f("ok_assign_have_a_crack", "ok", """
I'll have a crack at this one if nobody's on it — <<assign me?|stick my name on it.>> Looks like the <<Shelly Gen3|Sonoff Mini R4|IKEA Dirigera>> reports power in mW and we treat it as W. Got one on my desk to test with.
"""),
    f("ok_maint_kofi", "ok", """
Cheers all. I maintain <<project>> on my own in the evenings; if it's saved you from buying a <<proprietary hub|cloud subscription>>, there's a Ko-fi on my profile: ko-fi.com/<<gazzapi|tinkerjen|mossbank>>. Definitely not expected.
"""),
    f("ok_recommend_free_addon", "ok", """
For what you're describing, the free <<Frigate|AdGuard Home|Uptime Kuma>> add-on does it already, no need to wait for this feature. Works nicely on a <<hw>>. Not affiliated, just a fan.
"""),
    f("ok_vpn_on_topic", "ok", """
To reach <<project>> remotely without opening ports, <<WireGuard|Tailscale's free tier>> is the usual answer. Some people use a paid VPN provider, but that's for outbound traffic and won't help with this. The docs page "Remote access" covers it.
"""),
    f("ok_cloud_plan_question", "ok", """
Does the paid cloud plan that <<project>> offers just proxy to my instance or does it store my <<photos|camera footage>>? Not against paying, I just want to know where my data ends up before subscribing.
"""),
    f("ok_mod_quote_troll", "ok", """
Banned the account that posted "<<shut your gob, nobody needs your crap integration|die in a fire, dev|you lot are a bunch of amateurs>>" on <<pr>>. If they come back under another name, report it and don't feed them.
"""),
    f("ok_victim_report_chatty", "ok", """
Not to be dramatic but some bloke <<on this issue|in the Discord>> told me I'm "<<too thick to run a Pi|a waste of oxygen>>" because I asked about the MQTT port. Reported him. Anyway, the port question is still open if anyone knows.
"""),
    f("ok_heated_breaking_change", "ok", """
This release <<broke|killed>> every automation I had that used `trigger.to_state`. <<Absolutely gutted.|Not impressed, lads.>> A breaking-changes note that says "minor cleanup" is <<taking the piss|not good enough>>. Please flag these properly.
"""),
    f("ok_frustrated_years_homelab", "ok", """
<<Two|Three>> years and <<project>> still can't <<cope with a NAS mount that comes up late|handle HEIC files from iPhones|do hardware transcoding on a Pi 5>>. I love the project but this is getting <<silly|ridiculous>>. What's blocking it?
"""),
    f("ok_idiom_murder_sd", "ok", """
Running the database on the SD card will <<murder|kill|absolutely destroy>> it within months — <<that's what happened to mine|ask me how I know>>. Move the recorder to an SSD or point it at MariaDB on the NAS.
"""),
    f("ok_joke_with_friend", "ok", """
<<handle>> you absolute legend, that fixed it. <<Beer's on me if you're ever in Leeds.|I owe you a pint.|Top bloke.>>
"""),
    f("ok_non_native_homelab", "ok", """
Hallo, I have <<hw>> and after update to <<version>> the <<project>> container restart every 5 minutes. In log: `exited with code 137`. I think memory? But I have 4 GB and only <<project>> run. <<Sorry for my english.|Thank you for help.>>
"""),
    f("ok_terse_homelab", "ok", """
<<Same here on|Can confirm,|+1,>> <<hw>>, <<version>>. <<Rolled back.|Rollback fixes it.|Pinned the old tag.>>
"""),
    f("ok_discuss_iptv_spam", "ok", """
Heads up to maintainers: the <<IPTV|"free movies">> spam bots have found the <<project>> discussions. <<Seven|A dozen>> posts last night all pushing the same subscription. I've reported them; maybe turn on the first-time-contributor approval for Discussions?
"""),
    f("ok_security_advice", "ok", """
Please don't expose <<project>> straight to the internet on port <<8123|8096|2283>> without auth. Someone on the forum had their instance <<scraped|taken over>> last week. Put it behind a reverse proxy with <<Authelia|a VPN>> or use the built-in 2FA.
"""),
    f("ok_job_related_ontopic", "ok", """
I do <<AV installs|electrical work>> for a living and <<a few|loads of>> clients ask for <<project>> setups. Is there a recommended way to hand over an install so the client can update it without me? Happy to write the docs page once I know.
"""),
    f("ok_company_uses_homelab", "ok", """
FWIW the <<small hotel|community centre|school>> I look after runs <<project>> for <<heating schedules|door sensors|the projector and lights>> and it's been rock solid for <<two years|18 months>>. This bug is the first thing that's bitten us.
"""),
    f("ok_blunt_maint_homelab", "ok", """
<<Not a bug.|That's not how it works.>> <<Your automation triggers on every state change including attributes, which is why it fires 400 times an hour.|The device reports in Fahrenheit; set the unit in the entity settings.>> Closing.
"""),
    f("ok_hate_vendor_cloud", "ok", """
<<Hate|Absolutely loathe>> companies that <<brick devices|kill local APIs>> to push their cloud. <<This is why I self-host.|Rant over.>> Anyway, the workaround in the first comment works on firmware <<1.4.2|2.0.7>>.
"""),
    f("ok_power_numbers", "ok", """
Energy dashboard shows <<2,347,112|1,904,553>> kWh for the month, which would be fun to pay. The <<meter|smart plug>> reports Wh and the template multiplies by 1000 again. Fix: `unit_of_measurement: Wh` and `device_class: energy`.
"""),
    f("ok_discuss_licence_key_scam", "ok", """
PSA: people in the <<subreddit|Discord>> are being sold "lifetime licence keys" for <<project>>'s supporter badge. There's no such thing — the badge is free. If someone offers you one, it's a scam, report it.
"""),
    f("ok_selfhost_offer_help", "ok", """
I run <<project>> on <<hw>> with 40+ devices and I'm happy to jump on the community voice chat <<on Sunday|this weekend>> and walk through the Zigbee migration with anyone stuck. Free, obviously — someone did the same for me.
"""),
    f("ok_lights_idiom", "ok", """
The automation is <<killing|strangling|choking>> the Zigbee mesh — <<40|60>> lights each getting a separate command. Use a group and one call. The mesh will thank you.
"""),
    f("ok_warning_stay_civil", "ok", """
Alright, everyone take a breath. You can think the new dashboard is <<ugly|a step backwards>> — that's fair feedback — but calling the designer <<"useless"|"a muppet">> isn't. Next one like that gets hidden.
"""),
    f("ok_sponsor_release_thanks", "ok", """
<<project>> <<version>> is out 🎉 Hardware transcoding on Pi 5, faster library scans, and <<the Jellyfin import|better HEIC support>>. Big thanks to our Open Collective backers — that's what paid for the test hardware.
"""),
    # ================================================================ abuse
    f("ab_hobbyist_contempt", "abuse", """
<<handle>>, you're a hobbyist playing at writing software and it shows. <<Nobody competent would ship this.|A real developer would be embarrassed.>> Hand the integration to someone who knows what they're doing.
"""),
    f("ab_shut_gob", "abuse", """
<<handle>> <<shut your gob|shut your trap|put a sock in it>>, you <<muppet|pillock|numpty>>. Nobody asked you.
"""),
    f("ab_wish_harm_homelab", "abuse", """
Hope <<handle>>'s house <<floods|burns down|gets burgled>> while their precious automations are offline. See how they like it when their stuff breaks for no reason.
"""),
    f("ab_pile_on_homelab", "abuse", """
Right, <<handle>> locked the thread again. Everyone hop over to <<their Ko-fi page|their Mastodon|the subreddit>> and let them know what you think of them. Make it loud.
"""),
    f("ab_worthless_maint_homelab", "abuse", """
<<handle>> has done more damage to this project than any bug. Useless, arrogant and <<thick as two short planks|clueless>>. Someone please take the keys off them.
"""),
    f("ab_belittle_compare_homelab", "abuse", """
My <<8-year-old could write a better YAML automation than <<handle>>, and she's eight|nan could write a better YAML automation than <<handle>>, and she can't read|dog could write a better YAML automation than <<handle>>, and he's a dog>>. How are you a maintainer?
"""),
    f("ab_exclude_group_homelab", "abuse", """
Ever since the <<Americans|Germans|Indians|Poles>> took over the integration reviews everything takes months. Kick them off the reviewer team and let people who actually care run it.
"""),
    f("ab_orientation_homelab", "abuse", """
Funny how the project went downhill once <<handle>> and <<their|his>> <<gay|trans>> mates took over. People like that shouldn't be anywhere near the core team.
"""),
    f("ab_threat_homelab", "abuse", """
Keep deleting my comments <<handle>> and I'll <<post your home IP|find out where you live|turn up at your door>>. Your smart lock won't help you.
"""),
    f("ab_drive_away_homelab", "abuse", """
Nobody wants you around, <<handle>>. Every thread you touch turns to shit. Do us all a favour and <<bugger off|sod off|go away>> for good.
"""),
    f("ab_stupid_user_homelab", "abuse", """
<<handle>> honestly, people as thick as you shouldn't be allowed to own a Raspberry Pi. <<Read the bloody docs, moron.|You're a moron.>>
"""),
    f("ab_contempt_quiet_homelab", "abuse", """
I'd stop listening to <<handle>>. They've been wrong about every release since they joined, and they're the last person who should be explaining networking to anyone. <<Embarrassing really.|Bit sad.>>
"""),
    f("ab_mass_block", "abuse", """
Everyone block and report <<handle>> — <<they're|he's>> a parasite on this project. If enough of us report, GitHub will boot them and we can finally get the PR merged.
"""),
    # ================================================================ solicitation
    f("sol_iptv_disguised", "solicitation", """
If <<project>>'s live TV is too fiddly, I gave up and got <<StreamKing IPTV|UltraView TV>> — 20,000 channels and all the sport, £<<8|10>> a month, works in any player. WhatsApp <<+44 7452 118903|+44 7701 884412>> for a free trial.
"""),
    f("sol_vpn_homelab", "solicitation", """
Port forwarding is a nightmare, mate. Just get <<brand>> — one click, remote access sorted, <<3 months free|80% off>> with my link <<brand.1>>.
""", brand=[('SecureNest VPN', 'securenest.io/r/homelab'), ('HideLine Pro', 'hidelinepro.com/deal')]),
    f("sol_installer_ad", "solicitation", """
Sounds like you need a professional. <<SmartNest Installations|HomeWired Pro>> set up <<project>> and Zigbee networks for homes across <<Manchester|Sydney|Dallas>>, fixed price, no cloud fees. Book a visit at <<smartnest-install.co.uk|homewiredpro.com.au>>.
"""),
    f("sol_cheap_keys", "solicitation", """
Need Windows for your home server? Genuine Windows 11 Pro keys £<<9.99|12.99>>, Office lifetime £<<19|24>>, instant email delivery. <<keyhaven.shop|cdkeydeals.net>> — best prices online.
"""),
    f("sol_passive_income_homelab", "solicitation", """
Mate I quit tinkering for free once I found out my <<hw>> could earn me £<<40|60>> a day running a node for <<Nodeflux|HashHome>>. Totally passive. My mentor <<@nodeflux_dave|@passive_pi_sarah>> on Telegram sets it up for you.
"""),
    f("sol_star_seller_homelab", "solicitation", """
Great integration, but nobody finds it with <<120|80>> stars. We can get you to 1,000+ stars in a fortnight, real accounts, from $<<59|89>>. Message <<@gitstar_boost|@repo_rocket>> on Telegram.
"""),
    f("sol_paid_feedback_users", "solicitation", """
Hi there, we're a smart-home company researching self-hosters. Could the maintainers share how many households run <<project>> and which devices they own most? We pay £<<100|150>> per interview, book at <<calendly.com/homesense-research|cal.com/iot-insight>>.
"""),
    f("sol_disguised_hub_product", "solicitation", """
Had this exact Zigbee dropout for months. Binned the stick and bought a <<brand>> hub — zero dropouts since, and it's on sale this week at <<brand.1>> (use HOMELAB15).
""", brand=[('Hubitron One', 'hubitron.shop'), ('ZigMax Pro', 'zigmax.store'), ('MeshCore Hub', 'meshcorehub.co.uk'), ('Zylink Bridge', 'zylink.store/deal')]),
    f("sol_nas_deal_spam", "solicitation", """
Looking for a NAS for <<project>>? Best Black Friday deals on Synology and QNAP, up to 45% off, links updated daily: <<nasdeals.today|bestnasoffers.co.uk>> 🔥
"""),
    f("sol_gig_unrelated_homelab", "solicitation", """
Anyone here fancy some paid work? Need someone to build a <<WordPress site for my plumbing business|Shopify store|booking app>>, cash paid, £<<300|500>>. Text me on WhatsApp <<+44 7312 449087|+61 412 558 019>>.
"""),
    f("sol_casino_homelab", "solicitation", """
Bored while the library scans? 🎰 Claim 200 free spins at <<brand>>, no deposit needed, withdraw instantly: <<brand.1>>
""", brand=[('SpinPalace', 'spinpalace-bonus.win'), ('LuckyReels', 'luckyreels.bet/free'), ('JackpotDen', 'jackpotden.bet'), ('ReelRush', 'reelrush-casino.win/spins')]),
    f("sol_backup_service_disguised", "solicitation", """
Lost photos after the SD card died? Same happened to me. <<brand>> restored everything and now backs up automatically — first year half price at <<brand.1>>. Can't recommend enough.
""", brand=[('CloudKeep', 'cloudkeep.io/promo'), ('PhotoSafe Plus', 'photosafeplus.com'), ('SnapHaven', 'snaphaven.io/offer'), ('MemoryLock', 'memorylock.cloud')]),
    # ================================================================ more
    f("ok_reverse_proxy_config", "ok", """
Behind Caddy the websocket drops after 60 s. Config:

```
<<media|home|photos>>.example.org {
    reverse_proxy <<ip>>:<<port>>
}
```

<<Adding `flush_interval -1` fixed it.|Do I need `header_up Connection {>header.Connection}`?>> Posting for the next person.
"""),
    f("ok_pi_overheat_idiom", "ok", """
The <<Pi|little board>> was <<cooking itself|roasting|frying>> at 84 °C and throttling, that's why transcodes stuttered. Stuck a <<£5 fan|heatsink case>> on it and it's fine. The CPU graph in the dashboard is what tipped me off, nice feature.
"""),
    f("ok_kill_it_with_fire", "ok", """
The old <<YAML-only config|legacy MQTT discovery|v1 API>>? Kill it with fire, honestly. <<Nobody I know still uses it.|It's been deprecated since 2024.>> +1 to removing it in the next major.
"""),
    f("ab_you_lot_contempt", "abuse", """
You lot running this project are <<a bunch of amateurs|clowns, the lot of you|a joke>>. <<handle>> especially — I've seen better judgement from a <<toaster|goldfish>>.
"""),
    f("sol_solar_spam", "solicitation", """
Since you're monitoring energy anyway — have you thought about solar? <<brand>> installs panels with zero upfront cost, save up to 70% on bills. Free quote: <<brand.1>>
""", brand=[('SunFlow Energy', 'sunflow-energy.co.uk/quote'), ('BrightRoof Solar', 'brightroofsolar.com.au'), ('Helios Home', 'helioshome-solar.com/quote'), ('RayWise Solar', 'raywisesolar.co.uk')]),
    f("sol_smart_plug_reseller", "solicitation", """
We are manufacturer of Zigbee and WiFi smart plugs, OEM available, <<project>> compatible, MOQ <<500|1000>> pcs, best factory price. Contact sales WhatsApp <<+86 138 2417 5530|+86 159 8862 0147>> or <<sales@shenzhen-smartiot.com|info@zgplug-factory.cn>>.
"""),
    # ================================================================ third pass
    f("ok_victim_reports_dm", "ok", """
Someone DM'd me "<<hope your house burns down|I know where you live, dev>>" after I closed their <<feature request|duplicate issue>>. Reported to GitHub and to the mods. Not letting it change how I triage, but please be nice to the volunteers, folks.
"""),
    f("sol_shop_dongle_disguised", "solicitation", """
Had the same Zigbee dropouts till I swapped the stick. Got a <<ZBDongle-E|SLZB-06>> from <<zigbeeshop.co.uk|smarthomeparts.store>> — use my code <<HOMELAB10|PIHUB15>> for 10% off, they ship worldwide. Sorted my mesh in a day.
"""),
]
