"""Writer "polyglot": comments in languages other than English, often with English code and logs."""

from __future__ import annotations

from gen_common import frame

WRITER = "polyglot"

ERR = ["ModuleNotFoundError: No module named 'numpy'", "TypeError: Cannot read properties of undefined",
       "error[E0382]: borrow of moved value: `cfg`", "panic: runtime error: index out of range [3] with length 3",
       "java.lang.NullPointerException", "SSL: CERTIFICATE_VERIFY_FAILED", "ENOENT: no such file or directory",
       "exit code 137"]

FRAMES = [
    # ---------------------------------------------------------------- Spanish
    frame("ok_es_bug", "ok", """
Hola, al ejecutar `<<cmd>>` en <<os>> me sale este error:

```
<<err>>
```
Con la versión <<version>> funcionaba bien. ¿Alguien más tiene el mismo problema?
""", cmd=["npm run build", "pip install -e .", "cargo build", "go test ./..."], err=ERR),
    frame("ok_es_thanks", "ok", """
¡Muchas gracias <<handle>>! <<Con tu cambio ya funciona|Probado en <<os>> y funciona perfecto|Justo lo que necesitaba>>. Cierro el issue.
"""),
    frame("ok_es_frustrated", "ok", """
Llevo <<n>> días con este problema y nada. <<La documentación dice una cosa y el código hace otra.|He probado todo lo que sugieren en los otros issues.|Reinstalé todo desde cero.>> No es culpa de nadie, pero es muy frustrante. ¿Alguna idea de qué más puedo probar?
""", n=["tres", "cinco", "dos", "varios"]),
    frame("ok_es_review", "ok", """
Creo que sería mejor mover <<what>> a <<where>>, así evitamos duplicar código. Por lo demás, LGTM<<| 👍|.>>
""", what=["la validación", "esta función", "el manejo de errores", "la configuración"],
          where=["un módulo aparte", "`utils`", "el constructor", "el middleware"]),
    frame("ok_es_idiom_code", "ok", """
Mata el proceso con `kill -9 <<pid>>` y vuelve a lanzar el servidor; a mí me pasaba lo mismo, el puerto <<port>> se quedaba ocupado.
""", pid=["1234", "4821", "31337", "902"]),
    # ---------------------------------------------------------------- Portuguese
    frame("ok_pt_bug", "ok", """
Olá! Estou tendo um problema ao <<act>>. O app fecha sozinho e no log aparece `<<err>>`. Uso <<os>>, versão <<version>>. Alguém sabe como resolver?
""", act=["importar um arquivo CSV", "fazer login", "sincronizar", "gerar o relatório"], err=ERR),
    frame("ok_pt_pr", "ok", """
Abri um PR (<<pr>>) com a correção. Adicionei testes para o caso de <<case>>. Se puderem revisar, agradeço!
""", case=["lista vazia", "timeout", "arquivo corrompido", "usuário sem permissão"]),
    frame("ok_pt_frustration", "ok", """
Que droga, essa atualização quebrou tudo aqui. <<n>> horas tentando fazer o <<thing>> funcionar de novo. Vou voltar para a <<version>> por enquanto.
""", n=["Duas", "Três", "Cinco"], thing=["build", "deploy", "plugin", "servidor"]),
    frame("ok_pt_question", "ok", """
Alguém sabe se dá para usar o <<project>> com <<tech>>? Procurei na documentação mas não achei nada. Obrigado desde já.
""", tech=["Docker", "Kubernetes", "PostgreSQL 16", "Windows", "Node 22"]),
    # ---------------------------------------------------------------- German
    frame("ok_de_bug", "ok", """
Seit dem Update auf <<version>> stürzt <<app>> beim Start ab. Fehlermeldung: `<<err>>`. System: <<os>>. Mit der Vorgängerversion lief alles.
""", err=ERR),
    frame("ok_de_review", "ok", """
<<Sieht gut aus|Danke, fast fertig|Gute Arbeit>>, nur eine Kleinigkeit: <<nit>>. Danach kann das gemerged werden.
""", nit=["der Variablenname `tmp` ist nicht aussagekräftig", "bitte noch einen Test für den Fehlerfall",
          "die Fehlermeldung sollte auf Englisch sein", "der Import ist unbenutzt"]),
    frame("ok_de_heated", "ok", """
Ehrlich gesagt ist diese Entscheidung <<adj>>. <<n>> Leute haben das Problem gemeldet und das Issue wird einfach geschlossen? Bitte nochmal überdenken.
""", adj=["völlig unverständlich", "ziemlich ärgerlich", "schwer nachzuvollziehen"], n=["Zwanzig", "Über 50", "Viele"]),
    frame("ok_de_profanity_code", "ok", """
Dieser <<thing>> ist echt Mist. Jedes Mal, wenn ich <<act>>, bricht der Build ab. Ich bin einfach zu blöd dafür, oder?
""", thing=["Build-Prozess", "Installer", "Dependency-Resolver", "Docker-Kram"],
          act=["die Abhängigkeiten aktualisiere", "den Cache lösche", "auf ARM baue"]),
    frame("ok_de_thanks", "ok", """
Danke für den schnellen Fix, <<handle>>! Funktioniert mit <<version>> einwandfrei<<.|, auch unter <<os>>.>>
"""),
    # ---------------------------------------------------------------- French
    frame("ok_fr_bug", "ok", """
Bonjour, j'ai une erreur quand je lance `<<cmd>>` :

```
<<err>>
```
Je suis sous <<os>>. Une idée ?
""", cmd=["make", "docker compose up", "yarn dev", "python manage.py migrate"], err=ERR),
    frame("ok_fr_review", "ok", """
<<Merci pour la PR|Super travail|Merci <<handle>>>> ! Petite remarque : <<nit>>. Sinon c'est bon pour moi.
""", nit=["il manque un test pour le cas vide", "on pourrait éviter la copie ici", "le nom de la fonction est trompeur",
          "il faudrait mettre à jour le CHANGELOG"]),
    frame("ok_fr_frustration", "ok", """
Franchement c'est <<pénible|agaçant|décourageant>>, ça fait <<n>> mois que ce bug existe et il n'y a toujours pas de correctif. Je sais que vous êtes bénévoles, mais un petit retour serait apprécié.
""", n=["trois", "six", "huit"]),
    frame("ok_fr_question", "ok", """
Est-ce que <<project>> supporte <<feat>> ? Je n'ai rien trouvé dans la doc. Merci d'avance !
""", feat=["l'authentification OIDC", "les proxys HTTP", "Windows", "l'export en CSV", "les webhooks"]),
    # ---------------------------------------------------------------- Italian
    frame("ok_it_bug", "ok", """
Ciao, dopo l'aggiornamento alla <<version>> <<app>> non si avvia più. Errore: `<<err>>`. Uso <<os>>. Qualcuno ha lo stesso problema?
""", err=ERR),
    frame("ok_it_thanks", "ok", """
Grazie mille <<handle>>, <<adesso funziona tutto|il fix funziona|problema risolto>>! Chiudo la issue.
"""),
    frame("ok_it_feature", "ok", """
Sarebbe possibile aggiungere <<feat>>? Per <<noi|il nostro team|la nostra azienda>> sarebbe molto utile, possiamo anche contribuire con una PR.
""", feat=["il supporto per i proxy", "la modalità scura", "l'esportazione in PDF", "un'opzione per il timeout"]),
    # ---------------------------------------------------------------- Russian
    frame("ok_ru_bug", "ok", """
Привет! После обновления до <<version>> при запуске `<<cmd>>` падает с ошибкой:

```
<<err>>
```
ОС: <<os>>. На предыдущей версии всё работало.
""", cmd=["make build", "npm start", "cargo run", "docker compose up"], err=ERR),
    frame("ok_ru_review", "ok", """
<<В целом ок|Спасибо за PR|Почти готово>>, но <<nit>>. Поправь, пожалуйста, и можно мержить.
""", nit=["нет теста на пустой ввод", "лучше вынести это в отдельную функцию", "тут утечка горутины",
          "название переменной непонятное"]),
    frame("ok_ru_frustration", "ok", """
Чёрт, опять этот <<thing>> сломался. Уже <<n>> раз за неделю. Кто-нибудь знает, как откатиться на старую версию?
""", thing=["билд", "плагин", "деплой", "CI"], n=["третий", "пятый", "второй"]),
    frame("ok_ru_question", "ok", """
Подскажите, пожалуйста, можно ли использовать <<project>> вместе с <<tech>>? В документации ничего не нашёл.
""", tech=["Kubernetes", "PostgreSQL", "Windows", "ARM64"]),
    # ---------------------------------------------------------------- Chinese
    frame("ok_zh_bug", "ok", """
升级到 <<version>> 之后，运行 `<<cmd>>` 报错：

```
<<err>>
```
系统：<<os>>。之前的版本没问题，请问怎么解决？
""", cmd=["npm install", "pip install", "go build", "cargo build"], err=ERR),
    frame("ok_zh_thanks", "ok", """
感谢 <<handle>> 的修复！<<在 <<os>> 上测试通过。|已经可以正常使用了。|问题解决了，关闭这个 issue。>>
"""),
    frame("ok_zh_feature", "ok", """
希望能支持<<feat>>，我们团队在生产环境中使用 <<project>>，这个功能对我们很重要。如果需要的话我可以提交 PR。
""", feat=["中文界面", "代理设置", "导出 CSV", "暗黑模式", "多账号"]),
    frame("ok_zh_frustration", "ok", """
这个问题已经 <<n>> 个月了还没修复吗？每次更新都要手动改<<配置|代码|环境变量>>，太麻烦了。
""", n=["三", "五", "六", "八"]),
    # ---------------------------------------------------------------- Japanese
    frame("ok_ja_bug", "ok", """
<<version>> にアップデートしてから、<<act>>とクラッシュします。ログ：`<<err>>`。環境は <<os>> です。
""", act=["起動する", "ファイルを開く", "同期する", "ログインする"], err=ERR),
    frame("ok_ja_thanks", "ok", """
<<handle>> さん、修正ありがとうございます！<<問題なく動作しました。|<<os>> で確認しました。|これでクローズします。>>
"""),
    frame("ok_ja_question", "ok", """
<<project>> で <<feat>> を使う方法はありますか？ドキュメントを探しましたが見つかりませんでした。
""", feat=["プロキシ", "OIDC 認証", "Windows サポート", "カスタムテーマ"]),
    # ---------------------------------------------------------------- Turkish, Polish, Indonesian, Korean
    frame("ok_tr_bug", "ok", """
Merhaba, <<version>> sürümüne güncelledikten sonra uygulama açılmıyor. Hata: `<<err>>`. İşletim sistemi: <<os>>. Yardımcı olabilir misiniz?
""", err=ERR),
    frame("ok_pl_bug", "ok", """
Cześć, po aktualizacji do <<version>> dostaję błąd `<<err>>` przy <<act>>. System: <<os>>. Czy ktoś ma podobny problem?
""", err=ERR, act=["starcie", "logowaniu", "eksporcie", "synchronizacji"]),
    frame("ok_pl_frustration", "ok", """
Kurczę, znowu <<thing>> nie działa po aktualizacji. Spędziłem nad tym <<n>> godziny. Wracam do starszej wersji.
""", thing=["build", "instalator", "plugin", "eksport"], n=["dwie", "trzy", "cztery"]),
    frame("ok_id_bug", "ok", """
Halo, setelah update ke <<version>>, aplikasi selalu crash saat <<act>>. Error: `<<err>>`. Pakai <<os>>. Ada solusinya?
""", act=["dibuka", "login", "sinkronisasi", "ekspor data"], err=ERR),
    frame("ok_ko_bug", "ok", """
<<version>> 업데이트 이후 <<act>> 때 앱이 종료됩니다. 오류: `<<err>>`. 환경: <<os>>.
""", act=["실행할", "로그인할", "동기화할", "파일을 열"], err=ERR),
    frame("ok_mixed_lang", "ok", """
<<greet>> — sorry, my English is not good. The <<feat>> doesn't work after <<version>>, log below:

```
<<err>>
```
""", greet=["Hola a todos", "Olá pessoal", "Bonjour", "Привет", "大家好", "Merhaba"],
          feat=["export", "login", "sync", "plugin loader"], err=ERR),
    frame("ok_multilang_readme", "ok", """
I added the <<lang>> README (`README.<<code>>.md`) and linked it from the main one. Native speakers welcome to review: <<handle>>.
""", lang=["Spanish", "Brazilian Portuguese", "Japanese", "Simplified Chinese", "Turkish"],
          code=["es", "pt-BR", "ja", "zh-CN", "tr"]),
    frame("ok_es_heated_decision", "ok", """
No estoy de acuerdo con cerrar este issue. El problema sigue pasando en <<version>> y afecta a <<n>> usuarios según los comentarios. Por favor, reabridlo.
""", n=["muchos", "más de 30", "decenas de"]),
    frame("ok_pt_idiom", "ok", """
Mata o processo do <<proc>> e sobe de novo; aqui resolveu. Parece que ele fica preso esperando o lock do <<what>>.
""", proc=["servidor", "worker", "watcher", "node"], what=["banco", "arquivo", "cache", "socket"]),
    frame("ok_de_quote_report", "ok", """
Ich melde diesen Kommentar von <<handle>>: „<<quote>>“. Das verstößt gegen den Code of Conduct. @<<maint>>, bitte prüfen.
""", quote=["Halt die Klappe, du Idiot", "Geh sterben", "Leute wie du sollten nicht programmieren"],
          maint=["mkowalski", "tanaka-h", "priya-s"]),
    frame("ok_fr_company_uses", "ok", """
Pour info, <<company>> utilise <<project>> en production depuis <<n>> ans. Merci pour le travail !
""", company=["notre banque", "notre startup lyonnaise", "notre équipe", "notre hôpital"], n=["deux", "trois", "cinq"]),
    # ---------------------------------------------------------------- positives in other languages
    frame("es_abuse", "abuse", """
<<handle>> eres un <<ins>>. Cállate y deja de mandar PRs, nadie te quiere aquí.
""", ins=["idiota", "inútil", "payaso", "imbécil"]),
    frame("pt_abuse", "abuse", """
<<handle>> cala a boca, seu <<ins>>. Você não sabe programar e só atrapalha o projeto.
""", ins=["idiota", "inútil", "palhaço", "burro"]),
    frame("de_abuse", "abuse", """
<<handle>> halt endlich die Klappe, du <<ins>>. Niemand will deine Meinung hören<<.| — verschwinde aus dem Projekt.>>
""", ins=["Idiot", "Vollidiot", "Trottel", "Versager"]),
    frame("ru_abuse", "abuse", """
<<handle>> ты <<ins>>, заткнись уже. Такие как ты не должны писать код.
""", ins=["идиот", "дебил", "клоун", "бездарь"]),
    frame("fr_abuse", "abuse", """
<<handle>> ferme-la, espèce d'<<ins>>. Personne ne veut de toi sur ce projet.
""", ins=["idiot", "imbécile", "incapable", "abruti"]),
    frame("es_spam", "solicitation", """
¿Quieres ganar <<money>> a la semana desde casa? Yo lo hago con un bot de trading. Escríbeme por WhatsApp <<wa>> o Telegram <<tg>>.
""", money=["$2.000", "€1.500", "$3.000"], wa=["+34 612 445 901", "+52 55 1234 8890", "+57 310 555 0192"],
          tg=["@ganancias_ana", "@trader_luis", "@inversion_facil"]),
    frame("pt_spam", "solicitation", """
Compre seguidores e estrelas no GitHub! <<n>> estrelas por apenas <<price>>. Entrega rápida, chama no WhatsApp <<wa>>.
""", n=["500", "1000", "2000"], price=["R$49", "R$99", "R$149"], wa=["+55 11 98877-1234", "+55 21 99123-4567"]),
    frame("ru_spam", "solicitation", """
Продвижение репозиториев на GitHub: <<n>> звёзд за <<price>>. Быстро и безопасно. Пишите в Telegram <<tg>>.
""", n=["500", "1000", "3000"], price=["1500 ₽", "3000 ₽", "$30"], tg=["@git_promo", "@stars_shop", "@repo_boost"]),
    frame("zh_spam", "solicitation", """
专业代写<<what>>，价格优惠，包过！有需要的加微信 <<wx>> 或 QQ <<qq>>。
""", what=["论文", "编程作业", "毕业设计", "课程报告"], wx=["daixie2026", "lunwen_help", "code_hw88"], qq=["12345678", "88776655", "90901234"]),
    frame("de_spam", "solicitation", """
Sie suchen eine günstige Agentur für <<what>>? Wir entwickeln ab <<price>> pro Stunde. Kontakt: <<mail>>
""", what=["Web-Apps", "Shopify-Shops", "mobile Apps"], price=["15 €", "20 €", "25 €"],
          mail=["info@billigdev-agentur.de", "kontakt@appfabrik24.de", "sales@webschmiede-pro.com"]),
    frame("es_pii", "pii", """
El usuario que abrió este issue es <<person>>, vive en <<address>> y su teléfono es <<phone>>. Llámenlo para que deje de molestar.
"""),
    frame("pt_pii", "pii", """
Não consigo finalizar a compra, meu cartão <<card>> é recusado. Meu CPF é <<cpf>>. O que faço?
"""),
    frame("de_pii", "pii", """
Bitte die Rückerstattung auf mein Konto überweisen: <<person>>, IBAN <<iban>>. Danke!
"""),
    frame("fr_pii_token", "pii", """
Le bot ne démarre pas, voici ma config :
```
TELEGRAM_TOKEN=<<tok_telegram>>
```
""", count=8),
]
