"""Writer "multilingual": stance in sixteen languages, next to ordinary foreign comments (BRIEFS.md).

Whole comments in Spanish, Portuguese, French, German, Italian, Russian, Ukrainian, Polish,
Turkish, Indonesian, Vietnamese, Chinese, Japanese, Korean, Hinglish and Arabic, code-switched
comments (English terms, code and logs, prose in the language) and non-native English. Each
positive sits next to an ok twin on the same topic in the same language (``ok_x`` next to
``ab_x`` / ``sol_x``), so a foreign comment is never a signal by itself.
"""

from __future__ import annotations

from gen_common import frame_maker

WRITER = "multilingual"

PROJECTS = ["buildmoss", "chartwright", "syncbarn", "ledgerorm", "termlight", "mapquarry",
            "chatloom"]

# Each frame: four variants of one situation, with this writer's own handles and projects;
# the handle pool of a frame matches its language.
f = frame_maker(
    4, project=PROJECTS,
    h_es=["@ramiro-quintela", "@caro-benitez", "@nacho-arrieta"],
    h_pt=["@bia-tavares", "@thiago-mourao", "@leandro-pacheco"],
    h_fr=["@lucie-marchand", "@yannick-doucet", "@margaux-pelletier"],
    h_de=["@jens-albrecht", "@frauke-lindner", "@timo-brandhorst"],
    h_it=["@giulia-ferri", "@matteo-scalzi", "@chiara-bonetti"],
    h_ru=["@sasha-volkov", "@dmitry-lazarev", "@nastya-kirova"],
    h_uk=["@oksana-hryts", "@taras-melnyk", "@iryna-savchuk"],
    h_pl=["@kuba-nowicki", "@ola-wrobel", "@marek-zielinski"],
    h_tr=["@emre-kaya", "@zeynep-aksoy", "@burak-tuncel"],
    h_id=["@dimas-pratama", "@putri-lestari", "@agus-wibowo"],
    h_vi=["@thanh-le", "@minh-hoang", "@lan-pham"],
    h_zh=["@wei-zhao", "@lin-xiaoyu", "@chen-haoran"],
    h_ja=["@kenta-mori", "@yui-shibata", "@ryo-fujimura"],
    h_ko=["@jiwoo-park", "@minseo-han", "@dohyun-kang"],
    h_hi=["@rohit-mehra", "@ananya-rao", "@vikas-chauhan"],
    h_ar=["@yousef-k", "@mariam-haddad", "@omar-saleh"],
)

FRAMES = [
    # ================================================================ Spanish
    f("ok_es_bug_report", "ok", """
Hola, con <<project>> <<2.4.1|2.5.0-rc2|2.3.7>> el comando `<<project>> build --watch` se queda colgado en <<Windows 11|macOS 14 con M2|WSL2>>. El log termina así:

```
[watcher] EMFILE while watching '<<src/components|node_modules/.cache|dist/assets>>' (fd limit 256), retrying in 5s
```

<<Con la 2.3 funcionaba bien.|Probé a borrar la caché y nada.|¿Alguien más lo ve?>> Puedo mandar más detalles si hace falta.
"""),
    f("ok_es_heated_review", "ok", """
<<h_es>>, sinceramente no estoy de acuerdo con este cambio. Meter <<un singleton global|la lógica de reintentos|el parseo de fechas>> en `core/<<runner|loader|config>>.py` nos va a morder <<en la próxima release|cuando alguien use hilos|en los tests>>. <<Lo discutimos en la llamada del jueves si quieres.|Prefiero bloquear el PR hasta que lo hablemos.|No es personal, pero así no lo apruebo.>>
"""),
    f("ab_es_competence", "abuse", """
<<h_es>>, <<eres un inútil|no tienes ni puta idea de programar|das vergüenza ajena>>. <<Cada PR tuyo rompe algo y encima vienes a dar lecciones.|¿Quién te dio permisos de escritura, payaso?|Vete a pelar patatas y deja el código a gente que sabe.>> <<Lárgate del proyecto.|Cállate ya.>>
"""),
    f("ok_es_swear_software", "ok", """
<<Me cago en el puto webpack.|Joder con el linker de los cojones.|Qué asco de caché, de verdad.>> Tres horas para descubrir que el problema era <<un symlink roto en `vendor/`|la variable `NODE_OPTIONS` que tenía puesta|un `.pyc` viejo>>. <<Soy tonto, lo siento por el ruido.|Cierro el issue, culpa mía.>>
"""),
    f("sol_es_hire_me", "solicitation", """
Hola amigos, soy desarrollador full stack con <<8|10|6>> años de experiencia en <<React, Node y Laravel|Flutter y Firebase|Django y Vue>>. Hago su web, app o tienda online rápido y barato, <<precios desde 150 USD|presupuesto sin compromiso>>. Escríbanme al WhatsApp +<<52 55|34 611|57 310>> 482 <<1937|5510|0764>> o Telegram <<@devlatino_pro|@codigo_express>>.
"""),
    f("ok_es_hiring_thread", "ok", """
(Publico en el hilo fijado de empleo, como piden los mantenedores.) En <<una fintech de Montevideo|una cooperativa de software en Rosario|un estudio de Valencia>> buscamos a alguien para trabajar <<medio tiempo|a jornada completa>> en integraciones con <<project>>. Remoto, zona horaria de <<América|Europa>>. Los detalles están en nuestra web; preguntas aquí mismo.
"""),
    f("ok_es_report_abuse", "ok", """
¿Algún moderador puede revisar <<#2381|el hilo del PR #417|los comentarios de ayer en #902>>? <<h_es>> me llamó <<inútil|payaso|idiota>> dos veces porque pedí un caso de prueba. No voy a contestar ahí. Gracias.
"""),
    # ================================================================ Portuguese (BR)
    f("ok_pt_question", "ok", """
Opa, pessoal! Estou tentando usar o <<project>> com <<Postgres 16|SQLite 3.45|MySQL 8.0>> e a migração `<<0042_add_index|0017_rename_column|0008_initial>>` falha com:

```
<<MigrationError: column "tenant_id" does not exist|OperationalError: database is locked|IntegrityError: duplicate key value violates unique constraint>>
```

<<Alguém já passou por isso?|É bug ou eu que configurei errado?|Tem algum workaround?>> Valeu!
"""),
    f("ab_pt_competence", "abuse", """
<<h_pt>>, <<você é um incompetente do caralho|que merda de mantenedor você é|você não sabe nem fazer um for>>. <<Toda release sua quebra a produção de alguém.|Vai aprender a programar antes de encostar nesse repo.|Ninguém aguenta mais suas besteiras.>> <<Sai do projeto, por favor.|Cala a boca e deixa quem sabe trabalhar.>>
"""),
    f("ok_pt_thanks", "ok", """
Só passando pra agradecer, <<h_pt>>! O fix do <<vazamento de memória no `SyncWorker`|timeout no upload de arquivos grandes|crash no Android 14>> salvou nossa semana. <<Rodando em produção desde ontem sem problema.|A equipe toda mandou um abraço.|Fica o convite pro café se vier a Recife.>> 🙏
"""),
    f("ok_pt_banter", "ok", """
<<h_pt>> seu <<maluco|monstro|bruxo>>, corrigiu o bug do <<cache de tiles|parser de CSV|rebase automático>> às 3 da manhã de novo? <<Vai dormir, cara.|Teu prêmio é outro bug, parabéns.|Já tá devendo uma cerveja pro time inteiro.>> kkkkk
"""),
    f("sol_pt_course", "solicitation", """
Cansado de bugs? 🚀 Aprenda <<Python do zero ao avançado|React e Next.js|DevOps com Kubernetes>> e ganhe <<R$ 10 mil por mês|em dólar trabalhando de casa>>! Curso completo com certificado, <<50%|70%>> de desconto só hoje. Link na bio ou chama no WhatsApp +55 11 9<<8421|7730|6615>>-<<3302|1189|5546>>.
"""),
    f("ok_pt_free_course", "ok", """
Pra quem está começando e caiu nesse issue: a documentação oficial de <<migrações|tipagem|testes>> do <<project>> tem um tutorial gratuito em português, e o <<capítulo 3|guia de contribuição|README da pasta `examples/`>> explica exatamente esse erro. Não tenho nada a ver com o projeto além de usar, só achei útil.
"""),
    f("ab_pt_wish_harm", "abuse", """
<<h_pt>>, depois de apagar <<o histórico de migrações|os dados de sync de todo mundo|a branch de release>>, <<tomara que você perca o emprego|espero que sua vida desmorone igual nosso banco|tomara que você se foda muito>>. <<Merece.|Tô falando sério.>>
"""),
    f("ok_pt_hyperbole_bug", "ok", """
Tomara que quem inventou <<thing>> <<pise num Lego todo dia|nunca tenha um plantão tranquilo|tenha um teste flaky pra sempre>> 😂 Brincadeiras à parte, o `<<project>>` quebra com <<thing.1>>; repro no <<#388|#1027|#64>>.
""", thing=[("o horário de verão", "datas na virada do horário de verão"),
            ("o formato de data americano", "arquivos `12/31/2024.csv`"),
            ("os caminhos do Windows", "caminhos UNC")]),
    # ================================================================ French
    f("ok_fr_bug_report", "ok", """
Bonjour, depuis la <<3.1.0|3.2.0|3.0.4>> le rendu des <<légendes|axes logarithmiques|tooltips>> est cassé dans <<project>> avec <<Firefox 121|Safari 17|Chromium 120>>. Trace :

```
TypeError: axis.<<scale|domain|ticks>> is undefined
    at renderAxis (src/axis/<<render|layout|ticks>>.ts:<<88|142|57>>)
```

Je peux préparer une PR si vous me confirmez que c'est bien un bug et pas une mauvaise config de ma part.
"""),
    f("ab_fr_shut_up", "abuse", """
<<h_fr>>, <<ferme-la|ta gueule|personne ne t'a demandé ton avis>>. <<T'es un incapable et tout le monde le sait.|Espèce de guignol, retourne coder tes scripts PHP.|Tu n'as rien compris au projet depuis le début, crétin.>> <<Dégage.|Casse-toi du repo.>>
"""),
    f("ok_fr_civil_disagreement", "ok", """
Je ne suis pas du tout d'accord avec <<h_fr>> sur ce point, et je préfère le dire clairement : abandonner <<le mode hors ligne|le support de Python 3.9|l'export SVG>> dans la 4.0 va casser <<plusieurs projets en aval|les installations en entreprise|nos pipelines de CI>>. <<Je propose qu'on vote.|On peut garder un flag pendant une version ?|Les chiffres de l'enquête ne justifient pas ça.>>
"""),
    f("ok_fr_mod_notice", "ok", """
**Note de modération.** <<h_fr>>, vos derniers messages visaient des personnes et non la proposition. <<Ils ont été masqués.|C'est un dernier avertissement.|Vous êtes bloqué pour 7 jours.>> La critique du design de <<project>> reste bienvenue ; les insultes, non. Merci à tous de revenir au sujet technique.
"""),
    f("sol_fr_agency", "solicitation", """
Bonjour à toute l'équipe <<project>> ! Notre agence <<WebÉlan|Pixel & Cie|NovaDigital>> accompagne les startups dans le développement de leurs applications web et mobiles. <<Devis gratuit sous 24 h.|Tarifs imbattables, livraison en 2 semaines.|Plus de 200 clients satisfaits.>> Contactez-nous : contact@<<webelan-agence|pixeletcie-studio|novadigital-web>>.fr ou WhatsApp +33 6 <<41|72|18>> 55 09 <<31|84|26>>.
"""),
    f("ok_fr_company_user", "ok", """
Pour info, chez <<une agence web lyonnaise|une PME de logistique|un éditeur de logiciels nantais>> on utilise <<project>> en production depuis la <<2.0|2.6|3.0>>, environ <<40|200|1 200>> graphiques générés par jour. Si ça aide pour le cas d'usage dont vous parlez dans <<#611|#1042|#88>>, je peux partager notre config (anonymisée).
"""),
    # ================================================================ German
    f("ok_de_bug_report", "ok", """
Moin, nach dem Update auf <<project>> <<1.9.2|1.10.0|1.8.5>> synchronisiert der Client keine Dateien mehr mit Umlauten im Namen (`<<Übersicht.pdf|Prüfung_2024.xlsx|Grüße.txt>>`). Im Log steht:

```
WARN sync::path: invalid UTF-8 sequence in path, skipping
```

<<Unter Linux passiert das nicht, nur auf dem NAS.|Rollback auf die Vorversion behebt es.|Betroffen ist nur das Samba-Share.>> Soll ich noch etwas testen?
"""),
    f("ab_de_competence", "abuse", """
<<h_de>>, <<du bist so ein Vollidiot|was für ein unfähiger Trottel|du hast echt keine Ahnung von gar nichts>>. <<Jede deiner Änderungen macht alles kaputt.|Wer hat dir überhaupt Schreibrechte gegeben?|Selbst ein Praktikant im ersten Monat wäre besser.>> <<Verpiss dich aus dem Projekt.|Halt einfach die Klappe.>>
"""),
    f("ok_de_swear_self", "ok", """
<<Ich Depp.|Ich bin so ein Idiot.|Manchmal hasse ich mich selbst.>> Der "Bug" war <<ein vergessenes `--release`|meine eigene `.env` mit dem alten Port|ein Tippfehler in `config.toml`>>. Sorry für den Lärm, mach das Issue zu. <<Danke für die Geduld!|Zeit für Kaffee.>>
"""),
    f("ok_de_blunt_review", "ok", """
<<So kann das nicht rein.|Ehrlich gesagt ist der Diff ein Durcheinander.|Kurz und direkt, weil ich wenig Zeit habe:>> Der neue `<<PathResolver|ChunkCache|RetryPolicy>>` liest bei jedem Aufruf die komplette Konfiguration neu, die Fehlerbehandlung schluckt Exceptions und es fehlen Tests für <<Windows-Pfade|leere Dateien|Abbrüche mitten im Upload>>. Bitte in drei PRs aufteilen, dann schaue ich mir jeden einzeln an.
"""),
    f("sol_de_paid_survey", "solicitation", """
Hallo liebe <<project>>-Community! Für eine bezahlte Studie zum Thema <<Software-Einkauf in Unternehmen|Cloud-Kosten|Entwickler-Tools>> suchen wir Teilnehmende. 15 Minuten Umfrage, dafür ein Amazon-Gutschein über <<50|75|100>> €. Jetzt mitmachen: <<umfrage-devpanel.de/t/oss|marktblick-research.com/q7>> – nur begrenzte Plätze!
"""),
    f("ok_de_maintainer_survey", "ok", """
Hier die Maintainer: Wir machen eine kurze, anonyme Umfrage, welche <<Plattformen|Python-Versionen|Exportformate>> <<project>> nächstes Jahr unterstützen soll. Keine Preise, kein Tracking, die Ergebnisse kommen in die Discussions. Der Link steht im angepinnten Issue.
"""),
    # ================================================================ Italian
    f("ok_it_question", "ok", """
Ciao a tutti, domanda forse stupida: con <<project>> <<0.14|0.15.2|0.13.8>> come faccio a <<disabilitare il retry automatico|cambiare la porta di default|caricare un plugin da una cartella locale>>? Ho provato con `<<--no-retry|--port 8081|--plugin-dir ./plugins>>` ma mi dà `unknown flag`. <<Grazie in anticipo!|Scusate il disturbo.>>
"""),
    f("ab_it_competence", "abuse", """
<<h_it>>, <<sei un incompetente totale|ma che cazzo scrivi, coglione|sei proprio un cretino>>. <<Ogni tua PR è spazzatura e lo sanno tutti.|Torna a fare il cameriere, il codice non fa per te.|Non capisci niente e pretendi pure di fare review.>> <<Vattene dal progetto.|Stai zitto una volta tanto.>>
"""),
    f("ok_it_swear_software", "ok", """
<<Porca miseria,|Mannaggia,|Madonna che nervi,>> questo <<build system|bundler|driver ODBC>> mi ha fatto perdere tutta la giornata. `<<project>> build --release` va in segfault solo su <<arm64|Windows|la CI>>, mai in locale. <<Qualcuno ha idee?|Allego il core dump.|Domani ci riprovo con calma.>>
"""),
    f("ok_it_idiom_joke", "ok", """
<<h_it>>, <<in bocca al lupo per la release di domani!|hai fatto un lavoro coi fiocchi su questo refactor.|non ti preoccupare, non tutte le ciambelle riescono col buco.>> <<Il benchmark sul dataset grande è sceso da 41 a 12 secondi.|Ho solo due nit sui nomi.|Il test flaky è colpa mia, non tua.>> 😄
"""),
    f("sol_it_betting", "solicitation", """
🔥 Vuoi guadagnare con le scommesse? Il nostro gruppo VIP dà <<pronostici sicuri al 95%|quote truccate garantite|schedine vincenti ogni giorno>>! <<Bonus di benvenuto 200€|Primo mese gratis>> su <<scommessevip-top.com|vincisempre-bet.it>>. Scrivici su Telegram <<@pronostici_certi|@bet_master_it>>.
"""),
    f("ok_it_report_spam", "ok", """
<<Questo account|L'account che ha commentato sopra|Un account nuovo>> sta postando <<pubblicità di scommesse|link a canali Telegram di pronostici|offerte di corsi>> in tutti gli issue di <<project>>, <<almeno dieci|una ventina|otto>> oggi. L'ho già segnalato a GitHub; un maintainer può bloccarlo dall'organizzazione?
"""),
    # ================================================================ Russian
    f("ok_ru_bug_report", "ok", """
Привет! После обновления <<project>> до <<4.2.0|4.3.1|4.1.9>> падает импорт <<GeoJSON|shapefile|тайлов MBTiles>>:

```
thread 'main' panicked at src/<<import|tiles|geo>>/mod.rs:<<211|87|340>>:
called `Option::unwrap()` on a `None` value
```

<<На 4.1 всё работало.|Файл прикладываю.|Воспроизводится на Ubuntu 22.04 и на macOS.>> Могу помочь с тестами, если нужно.
"""),
    f("ab_ru_leave", "abuse", """
<<h_ru>>, <<ты тупой как пробка|ты вообще нормальный? руки из жопы|ты полный идиот>>. <<Каждый твой коммит всё ломает.|Кто тебя вообще пустил в мейнтейнеры?|Иди лучше в макдак работать.>> <<Вали из проекта.|Заткнись уже.>>
"""),
    f("ok_ru_heated_civil", "ok", """
<<h_ru>>, я категорически против этого решения. Удалять <<синхронный API|поддержку Windows 7|старый формат конфига>> в минорном релизе — <<плохая идея|это ломает semver|неуважение к пользователям>>. <<У нас три сервиса на нём.|Давайте хотя бы deprecation warning на один релиз.|Предлагаю вынести на голосование.>>
"""),
    f("ok_ru_swear_software", "ok", """
<<Блин,|Чёрт побери,|Ну ёлки-палки,>> этот <<CMake|gradle|docker buildx>> опять всё сломал. Полдня ушло, чтобы понять, что <<кеш не сбрасывается после смены ветки|переменная `CC` перезаписывается|слой с зависимостями берётся старый>>. <<Закрываю, сам дурак.|Оставлю тут на случай, если кто-то наступит на те же грабли.>>
"""),
    f("sol_ru_crypto", "solicitation", """
Надоело работать за копейки? 💰 Наш <<торговый бот|арбитражный сигнал|крипто-клуб>> приносит <<от 3%|до 10%>> в день на <<USDT|BTC>>! Без риска, вывод в любое время. Пиши в Telegram <<@crypto_profit_ru|@arbitrazh_signal>> и получи <<бонус 100$|бесплатную неделю>>.
"""),
    f("ok_ru_hobby_bot_bug", "ok", """
Пишу хобби-бота для <<своего Telegram-чата|домашнего сервера|уведомлений о сборках>> на <<project>>, и на <<0.9.3|0.10.0|0.9.8>> вебхук отваливается через час:

```
aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected
```

<<Без денег и без рекламы, просто pet-проект.|Код бота в личном репо, могу открыть.>> Подскажите, куда копать?
"""),
    f("ab_ru_wish_harm", "abuse", """
После того, что <<h_ru>> сделал с <<форматом сохранения|протоколом синхронизации|релизом 4.0>>, <<чтоб тебя уволили и никуда больше не взяли|чтоб у тебя всё в жизни сломалось, как у нас база|желаю тебе сдохнуть вместе со своим кодом>>. <<Ты это заслужил.|Я серьёзно.>>
"""),
    f("ok_ru_hyperbole_bug", "ok", """
Чтоб <<thing>> <<всю жизнь наступал на лего|никогда не знал спокойного дежурства|вечно ловил один флаки-тест>> :) А если серьёзно: `<<project>>` падает на <<thing.1>>, репро приложил в <<#904|#1312|#57>>.
""", thing=[("тот, кто придумал этот формат дат", "датах до 1970 года"),
            ("автор спецификации PDF", "встроенных шрифтах"),
            ("создатель Windows-путей", "UNC-путях")]),
    # ================================================================ Ukrainian
    f("ok_uk_thanks_review", "ok", """
Дякую за PR, <<h_uk>>! Кілька дрібниць: <<у `parser.rs` краще повертати `Result`, а не панікувати|назву `tmp2` варто змінити|тест `test_empty_input` не перевіряє помилку>>. <<Решта виглядає чудово.|Після цього мерджу.|Гарна робота, правда.>>
"""),
    f("ab_uk_competence", "abuse", """
<<h_uk>>, <<ти бездарний нікчема|ти дурень, який нічого не тямить|ти найгірший мейнтейнер, якого я бачив>>. <<Через тебе цей проєкт розвалюється.|Навчись спершу програмувати, а потім лізь у код.|Твої рев'ю — це просто знущання з людей.>> <<Забирайся звідси.|Замовкни вже.>>
"""),
    f("ok_uk_question", "ok", """
Привіт! Підкажіть, будь ласка: як у <<project>> <<2.8|2.9.1|3.0-beta>> налаштувати <<проксі для завантаження|кастомний шлях до кешу|логування у файл>>? У документації є `<<proxy_url|cache_dir|log_file>>`, але воно ігнорується:

```
INFO config: loaded from ~/.config/<<project>>/config.toml
```

<<Можливо, я щось пропустив.|Дякую заздалегідь!>>
"""),
    f("ok_uk_report_harassment", "ok", """
Повідомлення для команди з кодексу поведінки: після мого рев'ю <<один акаунт|новий акаунт|користувач без аватарки>> <<пише мені в кожному issue|тегає мене в чужих тредах|залишає образливі коментарі під моїми PR>>, що я маю піти з open source. Я його заблокувала, але перевірте, будь ласка, чи він активний тут.
"""),
    f("sol_uk_star_seller", "solicitation", """
Класний проєкт, але лише <<150|420|75>> зірок? ⭐ Продаємо <<1000|3000>> зірок і підписників на GitHub, виглядають як справжні, доставка за 24 години. Ціни від <<20|35>>$. Пишіть у Telegram <<@zirky_github|@ua_repo_boost>>.
"""),
    f("ok_uk_stars_milestone", "ok", """
До речі, <<project>> цього тижня перетнув <<1 000|3 000|5 000>> зірок 🎉 Більшість прийшла після <<доповіді на конференції|статті на DOU|поста на Hacker News>>. Дякую всім контриб'юторам, а особливо <<h_uk>> за переклад документації українською!
"""),
    # ================================================================ Polish
    f("ok_pl_bug_report", "ok", """
Cześć, po aktualizacji do <<project>> <<5.0.1|5.1.0|4.9.3>> terminal <<miga przy przewijaniu|nie renderuje polskich znaków (`ąęłśż`)|crashuje po zmianie czcionki>>. Log:

```
ERROR renderer::glyph: atlas full, cannot insert glyph U+<<0105|0142|017C>>
```

<<Na 4.8 działało.|Sprawdzałem na Arch i Fedora.|Wyłączenie ligatur nie pomaga.>> Dajcie znać, czy coś jeszcze podesłać.
"""),
    f("ab_pl_competence", "abuse", """
<<h_pl>>, <<jesteś totalnym debilem|ty kretynie, nie umiesz nawet skompilować projektu|co za nieudacznik z ciebie>>. <<Każdy twój commit to syf.|Kto ci dał uprawnienia do repo?|Idź lepiej kopać rowy.>> <<Spadaj z projektu.|Zamknij się w końcu.>>
"""),
    f("ok_pl_swear_software", "ok", """
<<Kurwa mać,|Cholera jasna,|No ja pierdolę,>> ten <<bundler|linker|system buildów>> znowu zjadł mi pół dnia. Okazało się, że <<`LD_LIBRARY_PATH` wskazywał na starą wersję|cache w `~/.cache/` był uszkodzony|moja własna literówka w `Cargo.toml`>>. <<Zamykam, mój błąd.|Zostawiam dla potomnych.>>
"""),
    f("ok_pl_newcomer_welcome", "ok", """
Witaj w projekcie, <<h_pl>>! To pytanie bardziej dotyczy <<podstaw Rusta|Gita|Pythona>> niż samego <<project>>, więc przenoszę je do Discussions. Rozdział o <<lifetimes w Rust Book|rebase w Pro Git|środowiskach wirtualnych w oficjalnym tutorialu>> powinien pomóc; pytaj śmiało, jeśli utkniesz.
"""),
    f("ab_pl_newcomer_contempt", "abuse", """
<<h_pl>>, to najgłupsze pytanie, jakie tu widziałem. <<Naucz się podstaw, zanim zaczniesz zawracać dupę normalnym programistom.|Może programowanie nie jest dla ciebie, głąbie.|Wracaj do szkoły, dzieciaku.>>
"""),
    f("sol_pl_agency", "solicitation", """
Dzień dobry zespole <<project>>! Jesteśmy <<software house'em z Wrocławia|agencją IT z Krakowa|firmą outsourcingową z Gdańska>> i tworzymy aplikacje webowe i mobilne dla startupów. <<Darmowa wycena w 24h.|Stawki od 25 zł/h, zespół od ręki.|Ponad 150 zadowolonych klientów.>> Zapraszamy do kontaktu: WhatsApp +48 <<512|601|733>> <<284|917|460>> <<339|052|718>> lub Telegram <<@softhouse_pl|@devteam_oferta>>.
"""),
    f("ok_pl_consultancy_pr", "ok", """
Dla przejrzystości: pracuję w <<software housie z Wrocławia|firmie z Krakowa|małej firmie z Gdańska>>, która używa <<project>> u klienta, i ten PR (<<#1733|#402|#2210>>) powstał w czasie pracy. Poprawia <<wyciek deskryptorów plików w `watcher.rs`|obsługę ścieżek z polskimi znakami|timeout przy dużych plikach>>, z testem regresyjnym. Niczego nie sprzedajemy, po prostu naprawiamy to, na czym sami się potknęliśmy.
"""),
    # ================================================================ Turkish
    f("ok_tr_question", "ok", """
Merhaba, <<project>> <<3.4|3.5.0|3.3.2>> ile <<Docker içinde|Raspberry Pi üzerinde|Kubernetes'te>> çalıştırınca şu hatayı alıyorum:

```
<<PermissionError: [Errno 13] Permission denied: '/data/cache'|OSError: [Errno 98] Address already in use|ImportError: libssl.so.3: cannot open shared object file>>
```

<<Nerede yanlış yapıyorum?|Kolay gelsin, yardımlarınız için şimdiden teşekkürler.|Başka biri de yaşadı mı?>>
"""),
    f("ab_tr_competence", "abuse", """
<<h_tr>>, <<sen tam bir salaksın|beyinsiz herif, hiçbir şeyden anlamıyorsun|sen ne biçim bir maintainersın, aptal>>. <<Her PR'ın projeyi bozuyor.|Git önce kod yazmayı öğren.|Senin yüzünden kimse katkı vermiyor artık.>> <<Defol git bu projeden.|Kapa çeneni artık.>>
"""),
    f("ok_tr_heated_civil", "ok", """
<<h_tr>>, bu konuda sana katılmıyorum ve açıkça söylemek istiyorum: <<varsayılan portu değiştirmek|eski API'yi kaldırmak|Windows desteğini bırakmak>> birçok kullanıcıyı etkileyecek. <<Bir sürüm boyunca deprecation uyarısı verelim.|Anket sonuçları bunu desteklemiyor.|Lütfen önce RFC açalım.>> Kişisel değil, sadece teknik kaygım var.
"""),
    f("sol_tr_star_seller", "solicitation", """
Projeniz çok güzel ama sadece <<120|340|90>> yıldız mı? 🌟 <<1000|5000>> gerçek görünümlü GitHub yıldızı ve takipçi, 48 saatte teslim! Fiyatlar <<25|40>>$'dan başlıyor. Telegram: <<@yildiz_satis|@github_boost_tr>>
"""),
    f("ok_tr_star_history", "ok", """
Bu arada <<project>> bu hafta <<1.000|2.500|5.000>> yıldızı geçti 🎉 Çoğu <<Hacker News paylaşımından|bir konferans sunumundan|Türkçe bir blog yazısından>> geldi. Katkı veren herkese teşekkürler, özellikle <<h_tr>>'a dokümantasyon için!
"""),
    # ================================================================ Indonesian
    f("ok_id_bug_report", "ok", """
Halo gan, pakai <<project>> <<1.3.0|1.4.2|1.2.9>> di <<Android 13|Ubuntu 24.04|Windows 10>>, pas `<<project>> sync` muncul error ini:

```
<<ConnectionResetError: [Errno 104] Connection reset by peer|SSL: CERTIFICATE_VERIFY_FAILED|TimeoutError: timed out after 30s>>
```

<<Udah coba reinstall tapi sama aja.|Pakai jaringan kantor, mungkin ada proxy.|Di versi sebelumnya aman.>> Ada yang tahu solusinya? Makasih banyak!
"""),
    f("ab_id_competence", "abuse", """
<<h_id>>, <<goblok banget sih lo|dasar bego, gak becus jadi maintainer|otak lo di mana sih, tolol>>? <<Tiap rilis pasti ada yang rusak gara-gara lo.|Belajar coding dulu sana baru ngurus repo.|Mending lo jualan gorengan aja.>> <<Keluar aja dari proyek ini.|Diem deh lo.>>
"""),
    f("ok_id_banter", "ok", """
Wkwkwk <<h_id>> <<sakti banget|gila sih|jago parah>>, bug <<cache peta|parser tanggal|timeout webhook>> yang udah setahun akhirnya beres juga. <<Traktir kopi pas meetup ya!|Hadiahnya bug baru, selamat.|Tidur dulu bang, udah jam 3 pagi.>> 🔥
"""),
    f("sol_id_slot", "solicitation", """
<<Info slot gacor hari ini|Mau cuan cepat?|Situs judi online terpercaya>>! Deposit <<10rb|25rb>> bisa <<maxwin|JP jutaan>>, bonus new member <<100%|50%>>. Daftar sekarang di <<gacor-jaya88.com|cuanmaxwin.net>> atau WA 0812-<<4471|9902|3358>>-<<2206|7719|0541>>.
"""),
    f("ok_id_report_spam", "ok", """
Min, <<akun ini|akun yang komen di atas|akun baru tanpa foto>> spam <<link judi slot|promo pinjol|jualan followers>> di semua issue <<project>>, udah <<sepuluh|dua puluhan|tujuh>> hari ini. Sudah saya report ke GitHub, tolong diblok dari organisasi ya.
"""),
    # ================================================================ Vietnamese
    f("ok_vi_question", "ok", """
Chào mọi người, mình dùng <<project>> <<2.1.0|2.2.3|2.0.7>> với <<Next.js 14|Vite 5|Nuxt 3>> thì bị lỗi khi build:

```
Module not found: Can't resolve '<<project>>/<<dist/esm|lib/core|plugins/legend>>'
```

<<Mình có làm sai bước nào không?|Bản 2.0 thì chạy ổn.|Cảm ơn mọi người đã đọc!>>
"""),
    f("ab_vi_competence", "abuse", """
<<h_vi>>, <<mày ngu thật sự|đồ óc chó, code như hạch|mày làm maintainer kiểu gì vậy, đồ vô dụng>>. <<PR nào của mày cũng làm hỏng build.|Về học lại lập trình cơ bản đi.|Không ai muốn thấy mày ở đây nữa.>> <<Cút khỏi project đi.|Im mồm đi.>>
"""),
    f("ok_vi_thanks", "ok", """
Cảm ơn <<h_vi>> nhiều lắm! Bản fix cho <<lỗi rò rỉ bộ nhớ trong `TileCache`|lỗi timezone khi export CSV|crash trên iOS 17>> đã giúp team mình kịp deadline. <<Đã chạy production 3 ngày, ổn định.|Mình sẽ viết thêm test cho trường hợp này.|Hẹn gặp ở meetup Sài Gòn nhé!>>
"""),
    f("sol_vi_hire_me", "solicitation", """
Xin chào, mình nhận làm <<website bán hàng, app mobile|tool auto, bot Telegram|landing page, SEO>> giá rẻ, giao nhanh trong <<3|5|7>> ngày, bảo hành trọn đời. Liên hệ Zalo 09<<12|38|67>> <<448|905|217>> <<316|072|584>> hoặc Telegram <<@code_giare_vn|@dev_nhanh>> nhé!
"""),
    f("ok_vi_offer_help", "ok", """
Mình gặp đúng lỗi này tuần trước. Nguyên nhân là <<file `tsconfig.json` thiếu `moduleResolution: bundler`|phiên bản Node cũ hơn 18|cache của pnpm>>. Nếu maintainer đồng ý thì mình có thể gửi PR sửa tài liệu, <<không cần gì đâu|làm cho vui thôi>>.
"""),
    # ================================================================ Chinese (simplified)
    f("ok_zh_bug_report", "ok", """
你好，升级到 <<project>> <<1.6.0|1.7.2|1.5.4>> 之后，在 <<Windows 上|CentOS 7 上|M1 Mac 上>>运行 `<<project>> migrate` 报错：

```
<<UnicodeDecodeError: 'gbk' codec can't decode byte 0xa6 in position 12|sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) no such table: users|KeyError: 'DATABASE_URL'>>
```

<<回退到旧版本就正常。|已经清过缓存了。|麻烦看一下，谢谢！>>
"""),
    f("ab_zh_competence", "abuse", """
<<h_zh>>，<<你是猪吗|你脑子有病吧|你就是个废物>>？<<每次发版都是你搞坏的。|连最基本的代码都不会写还当维护者。|别再丢人现眼了。>><<赶紧滚出这个项目。|闭嘴吧你。>>
"""),
    f("ok_zh_civil_disagreement", "ok", """
<<h_zh>>，这个改动我不太同意。把<<同步接口|默认配置|旧的导出格式>>直接删掉，会影响<<很多下游项目|企业用户|我们的 CI 流程>>。<<能不能先加一个弃用警告？|建议先开个 RFC 讨论一下。|不是针对你，只是担心兼容性。>>
"""),
    f("ok_zh_self_blame", "ok", """
<<我真是个傻子|太蠢了我|服了我自己>>，所谓的 bug 其实是我自己<<把环境变量写错了|用了旧的 lock 文件|忘了重启服务>>。抱歉打扰大家，这个 issue 我先关了。<<谢谢耐心回复！|下次先自查再提。>>
"""),
    f("sol_zh_star_seller", "solicitation", """
项目不错，但是 star 太少了？<<专业刷 GitHub star 和 follower|提供真人 star、fork 服务>>，<<1000|3000>> 个只要 <<199|299>> 元，24 小时到账，安全不掉。加微信 <<starboost_cn|gh_zengzhang>> 或 Telegram <<@gh_star_cn|@kaiyuan_boost>>。
"""),
    f("ok_zh_sponsor_link", "ok", """
谢谢大家的支持！如果 <<project>> 帮你们节省了时间，README 里有项目的赞助页面，收入只用于<<CI 服务器|代码签名证书|文档托管>>，没有别的用途。完全自愿，不赞助也没关系。
"""),
    # ================================================================ Japanese
    f("ok_ja_bug_report", "ok", """
お疲れ様です。<<project>> <<0.8.1|0.9.0|0.8.4>> で <<macOS 14|Ubuntu 22.04|Windows 11>> の場合、全角文字を含むファイル名が描画されません。

```
<<WARN font: no glyph for U+3042, falling back|ERROR layout: text width overflow in cell (12, 3)|thread 'render' panicked at 'byte index 5 is not a char boundary'>>
```

<<再現手順を添付します。|0.7 系では問題ありませんでした。|ご確認よろしくお願いします。>>
"""),
    f("ab_ja_competence", "abuse", """
<<h_ja>>さん、<<あなた本当に無能ですね|バカじゃないの？|頭悪すぎでしょ>>。<<毎回リリースを壊すのはあなたです。|基本も分かってないのにメンテナ面しないでください。|こんなコードを書く人はプロジェクトにいらない。>><<さっさと辞めてください。|もう黙っててください。>>
"""),
    f("ok_ja_review", "ok", """
レビューありがとうございます。<<ご指摘の通り|確かに|なるほど>>、`<<src/render/text.rs|lib/layout.ts|core/cache.py>>` の <<エラー処理が甘かった|境界チェックが抜けていた|キャッシュの無効化が漏れていた>>ので修正しました。<<テストも追加しています。|再度ご確認お願いします。|CI も通りました。>>
"""),
    f("ok_ja_swear_software", "ok", """
<<くそ、|もう、|ああもう、>> この<<ビルドツール|リンカ|CI ランナー>>のせいで半日溶けました…原因は<<古いキャッシュ|環境変数の typo|自分の設定ミス>>でした。<<お騒がせしました、閉じます。|同じ罠にはまった人のためにメモを残します。>>
"""),
    f("sol_ja_side_job", "solicitation", """
<<エンジニアの方必見！|副業で月30万円！|在宅で簡単に稼げます！>> <<スマホだけで|1日10分で>>できる<<仮想通貨の自動売買|投資スクール|副業プログラム>>を紹介しています。詳細は LINE <<@fukugyo_eng|@moukaru_dev>> まで。先着<<20|50>>名限定！
"""),
    f("ok_ja_job_thread", "ok", """
（メンテナの方の案内に従い、固定の求人スレッドに書いています。）<<東京|大阪|福岡>>の会社で、<<project>> の開発にも一部関わるエンジニアを募集しています。リモート可、<<正社員|業務委託>>です。詳細は会社のサイトにあり、質問はこのスレッドでどうぞ。
"""),
    # ================================================================ Korean
    f("ok_ko_question", "ok", """
안녕하세요! <<project>> <<3.0.2|3.1.0|2.9.5>>에서 <<한글 폴더 이름|공백이 들어간 경로|네트워크 드라이브>>를 동기화하면 아래 에러가 납니다.

```
<<FileNotFoundError: [Errno 2] No such file or directory|PermissionError: [WinError 5] 액세스가 거부되었습니다|ValueError: path contains null byte>>
```

<<제가 설정을 잘못한 걸까요?|혹시 우회 방법이 있을까요?|감사합니다!>>
"""),
    f("ab_ko_competence", "abuse", """
<<h_ko>>님, <<진짜 멍청하시네요|이 멍청아 코드 좀 제대로 짜라|너 같은 무능한 놈이 메인테이너라니>>. <<릴리스마다 다 망가뜨리잖아.|기초부터 다시 배우고 와.|너 때문에 아무도 기여 안 해.>> <<프로젝트에서 꺼져.|입 좀 다물어.>>
"""),
    f("ok_ko_banter", "ok", """
<<h_ko>>님 또 새벽 3시에 <<타일 캐시|CSV 파서|웹훅 타임아웃>> 버그 고치셨네요 ㅋㅋㅋ <<진짜 괴물이세요.|밋업 때 치킨 쏩니다!|제발 주무세요.>> 덕분에 릴리스 일정 맞췄어요 👍
"""),
    f("sol_ko_paid_survey", "solicitation", """
<<project>> 사용자분들께! <<개발 도구 구매|클라우드 비용|사내 SW 도입>>에 대한 유료 설문에 참여하시면 <<3만|5만>>원 상품권을 드립니다. 15분이면 끝나요. 참여 링크: <<devsurvey-kr.com/s/oss|panel.techvoice.kr/r/42>> (선착순 마감!)
"""),
    f("ok_ko_maintainer_survey", "ok", """
메인테이너입니다. 내년에 <<project>>가 지원할 <<플랫폼|Python 버전|내보내기 형식>>에 대해 짧은 익명 설문을 하고 있습니다. 보상이나 추적은 없고, 결과는 Discussions에 공개합니다. 링크는 고정된 이슈에 있어요.
"""),
    # ================================================================ Hinglish (Hindi in Latin script)
    f("ok_hi_bug_report", "ok", """
Bhai log, <<project>> <<2.0.3|2.1.0|1.9.8>> install karne ke baad `<<project>> serve` chalate hi ye error aa raha hai:

```
<<ModuleNotFoundError: No module named 'pydantic_core._pydantic_core'|Error: listen EADDRINUSE: address already in use :::3000|OSError: [WinError 126] The specified module could not be found>>
```

<<Pehle wala version theek chal raha tha.|Windows pe hi ho raha hai, Linux pe sab sahi hai.|Koi help kar do please.>> Thanks!
"""),
    f("ab_hi_competence", "abuse", """
<<h_hi>> <<tu ekdum nikamma hai yaar|abe gadhe, tujhe kuch nahi aata|kya bakwas code likha hai bewakoof>>. <<Har release mein tu kuch na kuch tod deta hai.|Pehle coding seekh, phir maintainer banna.|Tere jaise logon ki wajah se koi contribute nahi karta.>> <<Project chhod ke nikal.|Chup kar ab.>>
"""),
    f("ok_hi_thanks_joke", "ok", """
<<h_hi>> bhai tu toh <<jaadugar|legend|full on hero>> nikla, <<cache wala|timezone wala|webhook wala>> bug finally fix ho gaya 😂 <<Party toh banti hai!|Ab thoda so ja, 3 baj gaye.|Agla bug bhi tera intezaar kar raha hai.>>
"""),
    f("sol_hi_course", "solicitation", """
<<Job nahi mil rahi?|Fresher ho?|Salary kam hai?>> Hamara <<Full Stack|Data Science|DevOps>> course join karo, 100% placement guarantee aur <<12 LPA|8 LPA>> tak package! Sirf ₹<<4,999|9,999>> mein, offer aaj tak. WhatsApp karo +91 9<<8124|7302|6650>> <<31577|42098|18836>>.
"""),
    f("ok_hi_free_resources", "ok", """
Jo log naye hain aur is issue pe aaye hain: <<project>> ke official docs mein <<migrations|testing|deployment>> pe ek free tutorial hai, aur `examples/` folder mein chhota sa working app bhi hai. Main kisi se affiliated nahi hoon, bas mujhe kaafi help mili thi.
"""),
    # ================================================================ Arabic
    f("ok_ar_bug_report", "ok", """
مرحباً، بعد التحديث إلى <<project>> <<4.0.1|4.1.0|3.9.7>> لم يعد النص العربي يظهر بشكل صحيح في <<الواجهة|ملفات PDF المصدّرة|الرسوم البيانية>>، الحروف تظهر منفصلة ومن اليسار إلى اليمين.

```
<<WARN shaping: no script support for 'Arab', using fallback|ERROR bidi: unexpected paragraph direction|WARN font: glyph missing for U+0627>>
```

<<الإصدار السابق كان يعمل.|جربت خطوطاً مختلفة دون فائدة.|شكراً مقدماً.>>
"""),
    f("ab_ar_competence", "abuse", """
<<h_ar>>، <<أنت غبي ولا تفهم شيئاً|يا فاشل، كل ما تكتبه زبالة|أنت أسوأ مشرف رأيته في حياتي>>. <<كل إصدار تخربه أنت.|تعلّم البرمجة أولاً ثم تعال.|لا أحد يريدك هنا.>> <<اخرج من المشروع.|اسكت بقى.>>
"""),
    f("ok_ar_mod_notice", "ok", """
**تنبيه من فريق الإشراف.** <<h_ar>>، تعليقاتك الأخيرة هاجمت أشخاصاً وليس الاقتراح نفسه. <<تم إخفاؤها.|هذا إنذار أخير.|تم حظرك لمدة ٧ أيام.>> النقد التقني لـ <<project>> مرحب به دائماً، أما الإهانات فلا.
"""),
    f("ok_ar_civil_disagreement", "ok", """
مع احترامي لـ <<h_ar>>، لا أتفق مع حذف <<وضع العمل دون اتصال|دعم Windows 10|صيغة التصدير القديمة>> في الإصدار القادم. <<كثير من المستخدمين يعتمدون عليه.|هذا يكسر التوافق مع الإصدارات السابقة.|الاستبيان لم يُظهر ذلك.>> <<أقترح أن نصوّت على القرار.|على الأقل نضيف تحذيراً لإصدار واحد.>>
"""),
    f("sol_ar_crypto", "solicitation", """
<<هل تريد ربحاً يومياً مضموناً؟|فرصة لا تتكرر!|اربح من البيت!>> انضم إلى <<قناة توصيات العملات الرقمية|منصة التداول الآلي|نادي الاستثمار>> واربح حتى <<٥٪|١٠٪>> يومياً بدون خبرة. تواصل معنا على واتساب +971 5<<0|2|6>> <<418|733|290>> <<6621|1047|3389>> أو تيليجرام <<@arab_crypto_vip|@tadawul_pro>>.
"""),
    f("ok_ar_airdrop_warning", "ok", """
تحذير للجميع: <<حساب جديد|الحساب الذي علّق أعلاه|عدة حسابات>> ينشر روابط "<<airdrop|توزيع مجاني للعملات|مكافأة للمساهمين>>" باسم <<project>> في كل القضايا. المشروع لا يملك أي عملة رقمية ولن يطلب منكم ربط محافظكم أبداً. تم الإبلاغ عنه لـ GitHub.
"""),
    # ================================================================ non-native English, code-switched
    f("ok_nn_disagree", "ok", """
I am not agree with remove <<the sync API|Windows 7 support|the old config format>>. In our <<company|university lab|small shop>> we still use it on <<old laptops|offline servers|cheap VPS>> and new version <<is much more slow|need more memory|not start without network>>. Please keep as option one more release? I can help for testing, I have <<three|five>> machines for it.
"""),
    f("ab_nn_contempt", "abuse", """
<<h_tr>> you not understand nothing about this code, is very obvious. <<Why they give you write access?|You are most stupid maintainer I ever see.|Better you go home and let real developers to work.>> <<Nobody want you here.|Please stop to write comments, idiot.>>
"""),
    f("ok_nn_apology_english", "ok", """
Sorry for my bad English, I am from <<Brazil|Vietnam|Ukraine|Indonesia>>. I try <<project>> <<1.2|1.3.0>> and when I make `<<project>> export --format png` it give me empty file, no error. I check the <<issues|docs|FAQ>> but not find same problem. <<Maybe I do something wrong?|Thank you for this nice tool!>>
"""),
    f("ok_nn_codeswitch_es", "ok", """
El `useEffect` se ejecuta dos veces en dev porque React 18 hace el mount/unmount en `StrictMode`; no es bug de <<project>>. <<Si quieres evitar el doble fetch|Para el caso del websocket|Para el listener de resize>>, pon un cleanup que <<cierre la conexión|cancele el AbortController|quite el listener>>. Lo añadí al FAQ en <<#733|#1188|#95>>.
"""),
    f("ok_nn_codeswitch_de", "ok", """
Das Problem ist der `<<RetryPolicy|ConnectionPool|TileFetcher>>`: bei einem `503` wird der Backoff nicht resettet, deshalb hängt der Worker nach <<ein paar|drei|fünf>> Fehlern für Minuten. Fix ist in <<#1420|#377|#2051>>, inklusive Regression-Test. Review gerne von <<h_de>>.
"""),
    f("ok_nn_codeswitch_zh", "ok", """
这个 PR 主要是把 `<<render_tile|load_config|parse_row>>` 改成 async，<<benchmark|压测>>结果在 `<<bench/results.md|docs/perf.md>>` 里，p99 latency 从 <<120|85>>ms 降到 <<40|31>>ms。<<CI 里 macOS 的 job 偶尔 flaky，跟这个改动无关。|麻烦 <<h_zh>> review 一下。>>
"""),
    f("ok_nn_codeswitch_hi", "ok", """
Yaar ye `<<NullPointerException|IndexError: list index out of range|TypeError: undefined is not a function>>` tab aata hai jab config mein `<<timeout|retries|base_url>>` missing ho. Maine <<#412|#1090|#58>> mein default value add kar di hai aur ek unit test bhi. Koi review kar de toh merge kar dete hain.
"""),
    f("sol_nn_agency_english", "solicitation", """
Dear <<project>> team, greeting from <<Lahore|Dhaka|Lagos|Hanoi>>! We are <<top rated|award winning|ISO certified>> IT company providing web, mobile, AI chatbot and blockchain development at very cheap rate. <<Our developers start from 8$/hour.|Free demo for first client.|100% satisfaction guaranty.>> Kindly contact on WhatsApp +<<92|880|234|84>> 3<<01|17|09>> <<5528|7741|2096>> <<336|870|415>>.
"""),
    f("ok_nn_contribution_offer", "ok", """
Hello, I am student from <<Lahore|Dhaka|Lagos|Hanoi>> and this is my first contribution. I want to fix <<the issue #318|the typo in `docs/install.md`|the broken link in README>>. Is it okay if I take it? I am not very experienced with <<Rust|TypeScript|SQLAlchemy>> so maybe review will be little long, sorry for that.
"""),
]
