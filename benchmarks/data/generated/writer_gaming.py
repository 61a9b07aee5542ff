"""Writer "gaming": players, modders and emulator / launcher / mod-loader contributors."""

from __future__ import annotations

from gen_common import alnum, frame, hexs

WRITER = "gaming"

GAME = ["Minecraft 1.20.4", "Skyrim SE", "Factorio 1.1", "Stardew Valley", "Terraria", "Cyberpunk 2077",
        "Elden Ring", "Baldur's Gate 3", "Valheim", "RimWorld"]
TOOL = ["the Fabric loader", "Forge", "the launcher", "the emulator", "the shader pack", "the mod manager",
        "Proton", "the texture pack", "the server plugin", "the save editor"]
GPU = ["RTX 3060", "RX 6700 XT", "GTX 1660 Super", "RTX 4070", "Arc A770", "Steam Deck", "Intel UHD 620"]
CRASH = ["java.lang.NoSuchMethodError: 'void net.minecraft.client.render.RenderLayer.<init>'",
         "EXCEPTION_ACCESS_VIOLATION (0xc0000005) at pc=0x00007ffb3c2e1a2f",
         "Mixin apply failed sodium.mixins.json:core.MixinWindow -> net.minecraft.client.util.Window",
         "vkCreateDevice failed: VK_ERROR_INITIALIZATION_FAILED",
         "Unhandled exception. System.NullReferenceException: Object reference not set to an instance of an object.",
         "SKSE64: plugin failed to load (version mismatch)"]

FRAMES = [
    # ---------------------------------------------------------------- ok
    frame("ok_crash_log", "ok", """
game crashes on world load with <<tool>> <<version>>:

```
<<crash>>
```
mods: <<mods>>. <<gpu>>, <<os>>. worked fine yesterday before i updated
""", tool=TOOL, crash=CRASH, mods=["sodium, lithium, iris", "SkyUI, SKSE, USSEP", "Krastorio 2, Space Exploration", "just the pack, nothing else"], gpu=GPU),
    frame("ok_fps_killed", "ok", """
this update absolutely killed my FPS lol. went from <<a>> to <<b>> in the same spot on <<gpu>>. tried <<tried>>, no change. anyone else?
""", a=["144", "90", "60", "120"], b=["40", "25", "18", "55"], gpu=GPU,
          tried=["lowering render distance", "disabling shaders", "reinstalling drivers", "turning off vsync"]),
    frame("ok_boss_murdered", "ok", """
not a bug report exactly but the new <<boss>> absolutely murders me every time, <<n>> tries so far 💀 is the damage scaling intended or is it the <<mod>> mod stacking?
""", boss=["dragon", "wither", "final boss", "arena boss"], n=["20", "35", "50+"], mod=["difficulty", "combat overhaul", "loot"]),
    frame("ok_nuke_cache", "ok", """
nuke your shader cache (`<<path>>`) and the stutter goes away. happens after every driver update for me on <<gpu>>
""", path=["%LOCALAPPDATA%\\NVIDIA\\DXCache", "~/.cache/mesa_shader_cache", "steamapps/shadercache", ".minecraft/shaderpacks/cache"], gpu=GPU),
    frame("ok_profanity_game", "ok", """
<<this game|this mod|this launcher>> is <<so fucking broken|absolute garbage right now|cursed>>. <<n>> crashes in one evening. I still love it but please fix the <<thing>>
""", n=["five", "seven", "ten"], thing=["save corruption", "memory leak", "inventory desync", "audio crackling"]),
    frame("ok_modder_review", "ok", """
Tested the PR on <<game>> with <<n>> mods loaded, no conflicts. One thing: the config screen doesn't save <<opt>> on close. Otherwise looks great, thanks <<handle>>!
""", game=GAME, n=["40", "120", "250"], opt=["the keybind", "the volume slider", "the toggle state"]),
    frame("ok_server_admin", "ok", """
Running a <<n>>-player server on <<host>>. TPS drops to <<tps>> whenever someone loads the <<area>>. Spark profile attached, the hot path is <<func>>.
""", n=["20", "50", "100"], host=["a Hetzner box", "a home server", "Pterodactyl"], tps=["8", "12", "5"],
          area=["nether", "spawn chunks", "mega-base", "farm district"], func=["entity ticking", "hopper updates", "chunk saving", "redstone"]),
    frame("ok_trash_talk_game", "ok", """
honestly the <<feat>> in <<game>> is trash, it was way better before the patch. the mod fixes it though, so thank you <<handle>> for saving this game for me
""", feat=["combat", "inventory UI", "fishing", "stamina system"], game=GAME),
    frame("ok_steam_deck", "ok", """
Works on Steam Deck with Proton <<pv>> if you add `<<opt>>` to the launch options. Without it you get a black screen after the intro video.
""", pv=["8.0-5", "9.0", "Experimental", "GE-9-7"], opt=["PROTON_USE_WINED3D=1 %command%", "-dx11", "--no-intro", "PROTON_NO_ESYNC=1 %command%"]),
    frame("ok_save_corruption", "ok", """
lost a <<hours>>-hour save to the corruption bug 😭 i'm not even mad at anyone, just sad. attaching the broken save in case it helps debug. save file size is <<kb>> KB vs the usual <<kb2>> MB.
""", hours=["80", "120", "200"], kb=["0", "4", "12"], kb2=["3", "8", "15"]),
    frame("ok_feature_request_game", "ok", """
would be cool if <<feat>> could be configurable. rn i have to edit the json by hand every time. maybe a slider in <<menu>>? happy to help test
""", feat=["the spawn rates", "the HUD scale", "the day length", "loot tables"], menu=["the mod menu", "the config screen", "settings"]),
    frame("ok_emulator_bug", "ok", """
<<game2>> renders with missing textures on <<emu>> <<version>> (Vulkan). OpenGL backend is fine. Log and a screenshot attached; <<gpu>>, driver <<drv>>.
""", game2=["Mario Kart 8", "Zelda TotK", "Persona 5", "Metroid Prime"], emu=["the emulator", "the nightly build", "the Android build"],
          gpu=GPU, drv=["551.86", "24.3.1", "Mesa 24.0.5"]),
    frame("ok_kill_server", "ok", """
if the server hangs on shutdown just kill -9 it, the world is already saved at that point. the watchdog thread is what deadlocks, fixed in <<pr>>
"""),
    frame("ok_modpack_thanks", "ok", """
Just wanted to say this modpack got me and my friends through <<when>>. <<n>> hours on our server and counting. You're all legends ❤️
""", when=["lockdown", "a rough winter", "exam season", "the summer"], n=["300", "500", "1,200"]),
    frame("ok_launcher_login", "ok", """
Launcher says "<<err>>" when I log in with my Microsoft account. I didn't change anything. Cleared the launcher cache, same thing. Region: <<region>>.
""", err=["Authentication servers are down", "Invalid session", "Failed to refresh token", "Error 403"], region=["EU", "NA", "Brazil", "SEA"]),
    frame("ok_meme_issue", "ok", """
<<meme>> anyway the bug is that <<bug>>. repro: <<repro>>
""", meme=["skill issue (mine, not yours lol)", "i swear i'm not crazy", "it's 3am and i'm debugging a block game",
          "my cat walked on the keyboard and found this"], bug=["items duplicate when you shift-click", "the map resets on relog", "doors open by themselves"],
          repro=["put 64 items in a chest and shift-click fast", "relog twice", "place a door next to a piston"]),
    frame("ok_anticheat_question", "ok", """
Is the mod safe with <<ac>>? I don't want my account banned. The FAQ says it's client-side only but someone on <<place>> said otherwise.
""", ac=["EAC", "BattlEye", "VAC", "the server's anticheat"], place=["Reddit", "Discord", "the Steam forum"]),
    frame("ok_translation_gaming", "ok", """
Added the <<lang>> translation for the <<mod>> mod (<<n>> strings). Some item names are left in English because the community uses the English names anyway.
""", lang=["Brazilian Portuguese", "Polish", "Turkish", "Ukrainian", "Spanish"], mod=["tech", "magic", "farming", "storage"], n=["412", "860", "230"]),
    frame("ok_dev_frustration", "ok", """
Modding this engine is pain. <<n>> hours to figure out that the event fires twice on <<when>>. Documented it in the wiki so nobody else suffers.
""", n=["Six", "Ten", "Three"], when=["dedicated servers", "world reload", "dimension change", "respawn"]),
    frame("ok_pvp_banter", "ok", """
<<handle>> your redstone contraption in the PR description is unhinged and i love it. LGTM, merging 😂
"""),
    frame("ok_patch_notes_game", "ok", """
**<<mod>> <<version>>**
- fixed crash when <<fix>>
- killed the old <<thing>> system, it was causing most of the lag
- new config option `<<opt>>`
Thanks to everyone who sent crash logs!
""", mod=["Tech Reborn", "Better Farming", "Storage Plus", "Quality Tweaks"], fix=["opening a chest on a server", "changing dimensions", "loading an old world"],
          thing=["particle", "chunk loading", "entity AI", "lighting"], opt=["maxParticles", "asyncSaving", "legacyLighting"]),
    frame("ok_speedrun_glitch", "ok", """
Please don't fix the <<glitch>> glitch 🙏 the speedrun community relies on it (<<cat>> category). If it has to go, could it be a config toggle?
""", glitch=["ladder clip", "item dupe", "wall zip", "sprint cancel"], cat=["any%", "glitched", "100%"]),
    frame("ok_perf_report_game", "ok", """
Perf comparison on <<gpu>>, same seed and spot:
- vanilla: <<a>> fps
- with <<mod>>: <<b>> fps
- with <<mod>> + shaders: <<c>> fps
Huge improvement, thanks!
""", gpu=GPU, a=["62", "45", "110"], b=["140", "98", "240"], c=["71", "52", "130"], mod=["sodium", "the optimization pack", "the new renderer"]),
    frame("ok_linux_issue_game", "ok", """
On <<os>> (<<de>>, Wayland) the cursor escapes the window in fullscreen. XWayland works. Tried `SDL_VIDEODRIVER=wayland`, game doesn't start with it.
""", os=["Fedora 40", "Arch Linux", "Ubuntu 24.04", "Pop!_OS 22.04"], de=["KDE", "GNOME", "Sway"]),
    frame("ok_config_paste_game", "ok", """
my config in case it matters:

```toml
[client]
renderDistance = <<rd>>
maxFps = <<fps>>
enableShaders = <<sh>>
```
""", rd=["8", "12", "16", "32"], fps=["60", "144", "240"], sh=["true", "false"]),
    frame("ok_hate_grind", "ok", """
I hate the grind in the new update so much. <<n>> hours for one upgrade is insane. Not the mod's fault, the base game changed the drop rates, just saying the "<<preset>>" preset feels impossible now.
""", n=["Ten", "Twenty", "Fifteen"], preset=["harder", "hardcore", "expert"]),
    frame("ok_kid_parent", "ok", """
Posting for my <<age>>-year-old: the game crashes when he opens the <<menu>>. He's very upset because he's been building a castle for weeks 😅 Any way to recover the world?
""", age=["9", "11", "12"], menu=["map", "inventory", "settings", "crafting table"]),
    frame("ok_balance_disagreement", "ok", """
I disagree with the nerf to <<item>>. It was strong but it's the only way to progress without grinding <<res>>. Maybe increase the cost instead of cutting the damage in half?
""", item=["the crossbow", "the fire staff", "diamond armor", "the auto-miner"], res=["iron", "gold", "mana crystals"]),
    frame("ok_murder_mode", "ok", """
New <<mode>> mode is great, but the killer spawns inside walls sometimes and murders everyone in the first <<t>> seconds. Clip attached.
""", mode=["murder mystery", "hide and seek", "survival", "infection"], t=["10", "5", "3"]),
    frame("ok_gg", "ok", """
<<gg, works now|fixed, you're a legend|that did it, thanks>> <<handle>>! was the <<cause>> all along
""", cause=["outdated loader", "old Java version", "corrupted config", "conflicting mod"]),
    frame("gaming_discord_ad", "solicitation", """
join our server <<dc>> — <<perk>>, giveaways every day, nitro drops 🎉
""", dc=["discord.gg/freenitro26", "discord.gg/skinsdrop", "discord.gg/gamingrewards"], perk=["free cheats", "free accounts", "free game keys"]),
    frame("gaming_vulgar_shutup", "abuse", """
<<handle>> stfu you're not even a dev here, nobody cares what a <<ins>> like you thinks about the update
""", ins=["casual", "noob", "clown", "loser"]),
    frame("gaming_own_password", "pii", """
can't log into the mod portal, username <<user>> password <<password>>, it says wrong password but i'm sure it's right
"""),
    # ---------------------------------------------------------------- solicitation
    frame("free_currency", "solicitation", """
FREE <<cur>> GENERATOR 2026 ✅ no human verification, works on all platforms!! get <<amt>> now at <<url>>
""", cur=["ROBUX", "V-BUCKS", "MINECOINS", "APEX COINS"], amt=["10,000", "25k", "50,000"],
          url=["free-robux-now.xyz", "vbucks-gen.club", "coins4free.win", "getcoins-2026.site"]),
    frame("cheat_seller", "solicitation", """
undetected <<game>> cheats (aimbot, ESP, speedhack) — <<price>>/month, instant delivery. Join the discord: <<dc>>
""", game=["Valorant", "CS2", "Apex", "Fortnite", "Rust"], price=["$9.99", "$15", "$25"], dc=["discord.gg/ud-cheats", "discord.gg/x7Kp2Qa", "discord.gg/aimlab-pro"]),
    frame("account_seller", "solicitation", """
Selling <<what>>, cheap, safe, full access with email. Bulk discounts. Telegram <<tg>>
""", what=["Minecraft Java accounts", "stacked Fortnite accounts", "Steam accounts with 100+ games", "high-rank Valorant accounts"],
          tg=["@mcalts_shop", "@acc_market", "@steamaccs_cheap"]),
    frame("boosting_service", "solicitation", """
Stuck in <<rank>>? Our pros will boost your account to <<rank2>> in <<days>> days, 100% safe, VPN used. Order at <<url>>
""", rank=["Silver", "Gold", "Platinum"], rank2=["Diamond", "Immortal", "Master"], days=["3", "5", "7"],
          url=["eloboost.gg", "rankup-pro.com", "boostkings.net"]),
    frame("server_hosting_ad", "solicitation", """
Lag issues? Move your server to <<host>>! <<ram>> RAM for only <<price>>/mo, DDoS protection, 1-click modpacks. Use code GITHUB for 50% off: <<url>>
""", host=["BlockHost", "CraftNode", "PixelServers"], ram=["8 GB", "16 GB", "6 GB"], price=["$4.99", "$7.99", "$2.99"],
          url=["blockhost.gg", "craftnode.net/deal", "pixelservers.io"]),
    frame("key_reseller", "solicitation", """
get <<game>> for 70% off at <<url>>, cheapest keys online, instant email delivery 🔑
""", game=GAME, url=["cheapkeys.shop", "g2key-deals.com", "keyzone.store"]),
    frame("gaming_fake_fix", "solicitation", """
<<had the same crash|same problem here|this crash is from bad drivers>>, fixed it with <<tool>>. boosts fps too. download: <<tool.1>>
""", tool=[("GameBooster Pro", "gamebooster-pro.net"), ("FPS Unlocker Ultimate", "fpsunlocker.app"), ("DriverFix 2026", "driverfix2026.com")]),
    frame("skin_gambling", "solicitation", """
🎁 free skins giveaway! deposit any skin and get <<bonus>> on <<site>>, case openings every hour
""", bonus=["+35% bonus", "a free case", "$5 free"], site=["csgoroll-free.com", "skinclub-bonus.gg", "hellcase-promo.net"]),
    # ---------------------------------------------------------------- abuse
    frame("kys", "abuse", """
<<handle>> kys. you ruined the best mod in the game with this update
"""),
    frame("uninstall_trash", "abuse", """
<<handle>> uninstall your IDE, you're trash at this. every update you push breaks something. worst modder on the platform
"""),
    frame("gaming_threat", "abuse", """
<<handle>> put the <<feat>> back or i'll find you. i know your discord and your twitch, don't think i won't
""", feat=["old combat", "dupe glitch", "free mode", "classic textures"]),
    frame("gaming_identity", "abuse", """
lmao of course the modder is <<who>>. that explains why it's garbage. keep <<who2>> out of modding
""", who=["a girl", "brazilian", "russian", "gay"], who2=["them", "these people", "their kind"]),
    frame("gaming_brigade", "abuse", """
everyone go raid <<handle>>'s discord and twitch chat, spam them until they bring back <<feat>>. make them regret it
""", feat=["the old version", "the free tier", "multiplayer", "the removed items"]),
    frame("gaming_insult", "abuse", """
<<handle>> you braindead <<ins>>, nobody asked for your "balance changes". go touch grass and stay away from this repo
""", ins=["clown", "loser", "idiot", "moron"]),
    frame("gaming_wish", "abuse", """
hope <<handle>>'s pc catches fire and they lose all their files, maybe then they'll understand how we feel
"""),
    # ---------------------------------------------------------------- pii
    frame("discord_token_config", "pii", """
my bot for the server doesn't connect, config.json:

```json
{"token": "<<tok_discord>>", "prefix": "!", "guild": "<<gid>>"}
```
""", gid=lambda r: str(r.randint(10**17, 10**18))),
    frame("mc_session_leak", "pii", """
launcher log (crashing on join):

```
[main/INFO]: Setting user: <<user>>
[main/INFO]: (Session ID is token:<<jwt>>:<<uuid_hex>>)
```
""", uuid_hex=lambda r: hexs(r, 32)),
    frame("steam_api_key", "pii", """
the stats plugin doesn't load, I put my Steam Web API key in the config: `steam_api_key = "<<k>>"`. is the format wrong?
""", k=lambda r: hexs(r, 32).upper()),
    frame("gaming_dox", "pii", """
the modder who broke everything is <<person>>, lives at <<address>>. phone <<phone>>. go tell him what you think
"""),
    frame("twitch_oauth", "pii", """
chat bot fails with "Login authentication failed". my .env: `TWITCH_OAUTH=oauth:<<k>>` `TWITCH_CLIENT_SECRET=<<k2>>`
""", k=lambda r: alnum(r, 30, "abcdefghijklmnopqrstuvwxyz0123456789"), k2=lambda r: alnum(r, 30, "abcdefghijklmnopqrstuvwxyz0123456789")),
    frame("gaming_own_card", "pii", """
bought the supporter pack twice by accident, please refund, card was <<card>> exp <<exp>>. thx
""", exp=["05/27", "10/28", "03/29"]),
]
