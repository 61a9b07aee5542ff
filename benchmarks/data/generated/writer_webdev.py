"""Writer "webdev": web and app developers in long technical posts (JS/TS, Python, PHP, Ruby)."""

from __future__ import annotations

from gen_common import frame, token

WRITER = "webdev"

NODE = ["18.19.0", "20.11.1", "22.3.0", "21.7.1"]
FRAMEWORK = ["Next.js 14.2", "Nuxt 3.11", "SvelteKit 2.5", "Remix 2.8", "Astro 4.6", "Vite 5.2"]
PYFW = ["Django 5.0", "FastAPI 0.110", "Flask 3.0", "Starlette 0.37"]
BROWSER = ["Chrome 124", "Firefox 125", "Safari 17.4", "Edge 124"]
JS_ERR = ["TypeError: Cannot read properties of undefined (reading 'length')",
          "ReferenceError: window is not defined", "Error: Hydration failed because the initial UI does not match",
          "SyntaxError: Unexpected token '<'", "Uncaught (in promise) DOMException: The user aborted a request.",
          "Error [ERR_REQUIRE_ESM]: require() of ES Module not supported"]
PY_ERR = ["django.db.utils.OperationalError: no such table: auth_user",
          "pydantic_core._pydantic_core.ValidationError: 1 validation error for Settings",
          "RuntimeError: Event loop is closed", "sqlalchemy.exc.TimeoutError: QueuePool limit of size 5 overflow 10 reached",
          "ImportError: cannot import name 'url_quote' from 'werkzeug.urls'"]

FRAMES = [
    # ---------------------------------------------------------------- ok: questions and answers
    frame("ok_js_question_long", "ok", """
I'm upgrading from <<old>> to <<fw>> and the dev server starts fine, but the production build fails with:

```
<<err>>
    at <<fn>> (<<file>>:<<line>>:<<col>>)
```

package.json (trimmed):

```json
{
  "dependencies": {
    "react": "^18.3.1",
    "<<dep>>": "^<<version>>"
  }
}
```

Node <<node>>, <<os>>. I already deleted `node_modules` and the lockfile. What am I missing?
""", old=["Next.js 13.5", "Nuxt 2.17", "Create React App", "Vite 4.5"], fw=FRAMEWORK, err=JS_ERR,
          fn=["renderPage", "Module.default", "useMemo", "Object.map"], file=["./app/page.tsx", "./src/main.ts", "./pages/index.vue"],
          col=["9", "17", "23"], dep=["zod", "swr", "@tanstack/react-query", "date-fns", "axios"], node=NODE),
    frame("ok_js_answer", "ok", """
The problem is that `<<thing>>` runs on the server during SSR, where `window` doesn't exist. Wrap it:

```ts
useEffect(() => {
  <<call>>;
}, []);
```

or import the component with `dynamic(() => import('./<<comp>>'), { ssr: false })`. That's also why it only fails in the production build.
""", thing=["localStorage.getItem", "window.matchMedia", "document.cookie", "navigator.language"],
          call=["setTheme(localStorage.getItem('theme'))", "setMobile(window.innerWidth < 768)", "initAnalytics()"],
          comp=["Chart", "Map", "Editor", "Player"]),
    frame("ok_py_question_long", "ok", """
Using <<fw>> with Postgres in Docker. Every few hours the API starts returning 500s and the log shows:

```
<<err>>
```

docker-compose.yml:

```yaml
services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
  api:
    build: .
    depends_on: [db]
```

Restarting the api container fixes it for a while. Pool settings are the defaults. Any idea where to look?
""", fw=PYFW, err=PY_ERR),
    frame("ok_py_answer", "ok", """
You're creating a new engine per request in `get_db()`. Create it once at import time and reuse it:

```python
engine = create_engine(settings.database_url, pool_size=<<n>>, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine)
```

With the per-request engine every connection stays open until GC, which is why you hit the pool limit after <<hours>> hours.
""", n=["10", "20", "5"], hours=["a few", "two", "six"]),
    frame("ok_css_rant", "ok", """
CSS is going to be the death of me. The <<elem>> jumps <<px>>px to the left in <<browser>> only, and only when the scrollbar appears. `scrollbar-gutter: stable` fixed it. Leaving this here for the next poor soul.
""", elem=["header", "modal", "sidebar", "dropdown"], px=["8", "15", "17"], browser=BROWSER),
    frame("ok_ts_types_vent", "ok", """
Fighting the type checker for <<n>> hours over this:

```ts
type Props<T extends Record<string, unknown>> = { rows: T[]; render: (row: T) => ReactNode };
```
`Type 'Row' is not assignable to type 'Record<string, unknown>'`. <<I hate TypeScript some days.|TypeScript, why.|Type gymnastics, my favourite.>> Solution was to use `T extends object`.
""", n=["two", "three", "four"]),
    frame("ok_php_question", "ok", """
Laravel <<lv>>, PHP <<php>>. After deploying, every route returns 419 Page Expired on POST. Session driver is `<<drv>>`, `APP_URL` is set to the https domain, and it works on <<env>>. What else affects CSRF tokens?
""", lv=["10", "11"], php=["8.2", "8.3"], drv=["file", "redis", "database", "cookie"], env=["localhost", "staging", "Valet", "Sail"]),
    frame("ok_rails_question", "ok", """
Rails <<rv>> app, Sidekiq jobs pile up after deploy and the dashboard shows `<<err>>`. Redis is <<redis>>. Restarting Sidekiq helps for about an hour. Config/initializers/sidekiq.rb uses the default pool.
""", rv=["7.1", "7.0", "6.1"], err=["Redis::TimeoutError", "ActiveRecord::ConnectionTimeoutError", "Errno::ECONNRESET"],
          redis=["7.2 on ElastiCache", "6.2 self-hosted", "Upstash"]),
    frame("ok_browser_console", "ok", """
Console in <<browser>>:

```
<<err>>
GET https://<<host>>/api/<<res>> 401 (Unauthorized)
```

The cookie is set (I can see it in devtools) but it's not sent with the fetch. It's a cross-site request, so I guess I need `credentials: 'include'` and `SameSite=None; Secure`?
""", browser=BROWSER, err=JS_ERR, host=["localhost:3000", "api.example.com", "staging.myapp.test"], res=["me", "session", "cart"]),
    frame("ok_env_example_discussion", "ok", """
You need a `.env.local` with:

```
NEXT_PUBLIC_API_URL=http://localhost:<<port>>
DATABASE_URL=postgresql://postgres:postgres@localhost:5432/<<db>>
NEXTAUTH_SECRET=<generate with openssl rand -base64 32>
```

The values in `.env.example` are placeholders; the app refuses to start with them on purpose.
""", db=["app", "dev", "shop_dev", "blog"]),
    frame("ok_perf_numbers", "ok", """
Lighthouse before: LCP <<a>>s, TBT <<b>>ms, CLS <<c>>. After lazy-loading the <<what>> and preconnecting to the CDN: LCP <<a2>>s, TBT <<b2>>ms. Bundle went from <<k1>> kB to <<k2>> kB.
""", a=["4.1", "3.6", "5.2"], b=["640", "410", "890"], c=["0.21", "0.08", "0.31"], what=["carousel", "map", "chat widget", "video"],
          a2=["1.9", "2.2", "2.4"], b2=["120", "90", "200"], k1=["812", "1,204", "640"], k2=["311", "498", "287"]),
    frame("ok_self_blame_webdev", "ok", """
Never mind, I'm an idiot. I had `<<mistake>>` in my config the whole time. Sorry for wasting your time, and thanks <<handle>> for the patience.
""", mistake=["basePath: '/app/'", "mode: 'production'", "DEBUG = False", "trailingSlash: true", "proxy: false"]),
    frame("ok_kill_dev_server", "ok", """
If port <<port>> is still in use, something didn't shut down: `lsof -i :<<port>>` then kill the PID. On Windows, `netstat -ano | findstr :<<port>>` and `taskkill /PID <pid> /F`.
"""),
    frame("ok_library_recommendation", "ok", """
For form validation in <<fw>> I'd use <<lib>>; it integrates with the form library you already have and the error messages are translatable. Rolling your own regexes for emails will end in tears.
""", fw=["React", "Vue", "Svelte", "Django templates"], lib=["zod", "valibot", "yup", "vee-validate", "django-crispy-forms"]),
    frame("ok_customer_data_redacted", "ok", """
Response from `/api/orders/<<n>>` (customer fields redacted):

```json
{"id": <<n>>, "status": "<<status>>", "customer": {"name": "[redacted]", "email": "[redacted]"}, "total": <<amt>>}
```
The `status` never changes from `<<status>>` even after the webhook fires.
""", n=["1042", "88315", "512"], status=["pending", "processing", "awaiting_payment"], amt=["49.9", "129", "12.5"]),
    frame("ok_fixture_json", "ok", """
Test fixture that reproduces it:

```json
[
  {"id": 1, "name": "Jane Doe", "email": "jane@example.com", "phone": "+1-555-0100"},
  {"id": 2, "name": "John Roe", "email": "john@example.org", "phone": "+1-555-0199"}
]
```
Importing this with `<<cmd>>` crashes on the <<second row|first row|last row>>.
""", cmd=["npm run seed", "python manage.py loaddata users.json", "rails db:seed", "php artisan db:seed"]),
    frame("ok_stripe_test_mode", "ok", """
In test mode use `sk_test_...` keys and card <<test_card>>. Webhooks locally: `stripe listen --forward-to localhost:<<port>>/webhooks/stripe`. Your error comes from mixing a live publishable key with a test secret key.
"""),
    frame("ok_deprecation_complaint", "ok", """
Why does every minor version of <<fw>> deprecate something? We just migrated to <<a>> and now it's deprecated in favour of <<b>>. I get that the ecosystem moves fast, but this is exhausting.
""", fw=["Next.js", "React Router", "webpack", "Angular", "Nuxt"], a=["getServerSideProps", "loaders", "the pages router", "modules"],
          b=["server components", "actions", "the app router", "standalone components"]),
    frame("ok_company_stack", "ok", """
We use <<project>> at <<company>> for <<use>>, about <<n>> requests a day. Happy to share our config if it helps reproduce.
""", company=["a small agency", "an e-commerce startup", "our university", "a newspaper"],
          use=["image resizing", "server-side rendering", "the public API", "PDF generation"], n=["2M", "300k", "50k"]),
    frame("ok_security_header_tip", "ok", """
Don't put the <<API key|Stripe secret|OpenAI key|database password>> in the frontend bundle at all — anything prefixed `<<NEXT_PUBLIC_|VITE_|REACT_APP_>>` ends up in the JS the browser downloads. Proxy the call through <<an API route|a serverless function|your backend>> and keep the key in a server-only env var.
"""),
    frame("ok_migration_guide", "ok", """
Migration notes for anyone upgrading <<fw>>:

1. `<<a>>` is now `<<b>>`
2. the config file moved to `<<cfg>>`
3. <<three>>

Took me about <<n>> hours on a medium-sized app; most of it was step 3.
""", fw=FRAMEWORK, a=["getStaticProps", "useRouter()", "defineConfig()", "load()"], b=["generateStaticParams", "useNavigate()", "defineAppConfig()", "+page.server.ts"],
          cfg=["app.config.ts", "vite.config.ts", "svelte.config.js"], three=["fix every import of the old router", "rewrite the middleware", "update the tests' mocks"],
          n=["two", "four", "six"]),
    frame("ok_accessibility_review", "ok", """
a11y review: the <<elem>> has no accessible name, focus isn't trapped in the modal, and the contrast of the <<txt>> text is <<ratio>>:1 (needs 4.5). Otherwise nice work.
""", elem=["icon button", "search field", "close button", "toggle"], txt=["placeholder", "secondary", "footer"], ratio=["2.9", "3.4", "3.1"]),
    frame("ok_sql_query_help", "ok", """
```sql
SELECT u.id, COUNT(o.id) AS orders
FROM users u LEFT JOIN orders o ON o.user_id = u.id AND o.created_at > now() - interval '<<n>> days'
GROUP BY u.id
HAVING COUNT(o.id) <<op>> <<k>>;
```
Takes <<t>> on <<rows>> rows. Index on `orders(user_id, created_at)` exists. EXPLAIN says seq scan.
""", n=["30", "7", "90"], op=[">", ">=", "="], k=["0", "3", "10"], t=["14s", "40s", "6s"], rows=["2M", "12M", "800k"]),
    frame("ok_docker_compose_fix", "ok", """
Your `<<api>>` service starts before Postgres is ready. Add a healthcheck:

```yaml
db:
  healthcheck:
    test: ["CMD-SHELL", "pg_isready -U postgres"]
    interval: <<i>>
<<api>>:
  depends_on:
    db:
      condition: service_healthy
```
""", i=["2s", "5s", "10s"], api=["api", "backend", "web", "app"]),
    frame("ok_heated_framework_debate", "ok", """
Hard disagree that <<a>> is "objectively better" than <<b>>. It depends on the team: <<reason>>. Let's not turn this issue into a framework war, though.
""", a=["React", "Vue", "Svelte", "htmx"], b=["Vue", "React", "Angular", "a SPA"],
          reason=["hiring matters more than benchmarks", "our designers already know one of them", "the bundle size difference is irrelevant for an intranet app"]),
    frame("ok_api_rate_limit", "ok", """
You're hitting the rate limit: <<the response has|every response after the first 100 <<what>> has>> `x-ratelimit-remaining: 0` and `retry-after: <<n>>`. Batch the requests or cache the results; hammering the endpoint in a loop will get the key throttled.
""", n=["30", "60", "120", "3600"], what=["requests", "calls", "lookups"]),
    frame("ok_i18n_question", "ok", """
How do we handle plural forms for <<lang>> with <<lib>>? The `one/other` categories aren't enough there, and the translators keep filing bugs about "<<example>>".
""", lang=["Polish", "Russian", "Arabic", "Czech"], lib=["i18next", "vue-i18n", "FormatJS", "Django's gettext"],
          example=["5 plików", "21 файл", "3 soubory", "11 ملفات"]),
    frame("leak_ssh_deploy", "pii", """
Deploy script fails on the server:

```bash
sshpass -p '<<password>>' ssh deploy@<<host>> 'cd /var/www/app && git pull && npm ci'
```
`Permission denied, please try again.`
""", host=["203.0.113.24", "shop.lunaware.com", "vps-4821.hostrocket.io"]),
    frame("leak_paypal_client", "pii", """
PayPal sandbox works but live fails. `PAYPAL_CLIENT_ID=A<<a>>` `PAYPAL_SECRET=E<<b>>` — any idea?
""", a=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(79)),
          b=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") for _ in range(79))),
    frame("leak_customer_order_email", "pii", """
Customer complaint forwarded from support, maybe related to the checkout bug:

> From: <<person>> <<<email>>>
> Phone: <<phone>>
> My order was charged but never shipped to <<address>>.
"""),
    frame("abuse_webdev_threat", "abuse", """
<<handle>> you broke our production site with this release. If I lose this client I'll make it my mission to ruin your reputation, I know where you work.
"""),
    frame("abuse_webdev_harm", "abuse", """
Hope the <<handle>> who deprecated <<api>> gets the same treatment someday: everything they built thrown away overnight. Selfish, useless people.
""", api=["the pages router", "v2 of the SDK", "class components", "the old plugin API"]),
    frame("webdev_plugin_ad", "solicitation", """
Our premium plugin <<prod>> solves this in one click — no code needed. Use coupon <<code>> at <<prod.1>>
""", prod=[("WP Speed Pro", "wpspeedpro.com"), ("FormBuilder Ultimate", "formbuilder-ultimate.net"), ("SEO Booster Max", "seoboostermax.io")],
          code=["GITHUB25", "DEV25", "SAVE25"]),
    frame("webdev_buy_accounts", "solicitation", """
Selling aged GitHub accounts (<<y>>+ years, with contributions) and verified npm publisher accounts. Bulk discounts. Telegram <<tg>>
""", y=["3", "5", "8"], tg=["@aged_accs", "@dev_accounts_shop", "@gitacc_store"]),
    # ---------------------------------------------------------------- pii embedded in context
    frame("leak_settings_py", "pii", """
Emails aren't sent in production. settings.py:

```python
EMAIL_HOST = "smtp.<<host>>"
EMAIL_HOST_USER = "<<email>>"
EMAIL_HOST_PASSWORD = "<<password>>"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
```
""", host=["gmail.com", "office365.com", "zoho.com", "sendgrid.net"]),
    frame("leak_env_next", "pii", """
Build fails on Vercel but works locally. My .env:

```
DATABASE_URL=<<db_url>>
STRIPE_SECRET_KEY=<<tok_stripe>>
NEXT_PUBLIC_SITE_URL=https://<<site>>
```
""", site=["shop.lunaware.com", "app.trailnote.io", "bookings.casa-azul.pt"]),
    frame("leak_customer_json", "pii", """
The API returns the wrong currency for this customer:

```json
{"customer": {"name": "<<person>>", "email": "<<email>>", "phone": "<<phone>>", "address": "<<address>>"}, "currency": "USD"}
```
""", count=10),
    frame("leak_fetch_key", "pii", """
```js
const res = await fetch("https://api.openai.com/v1/chat/completions", {
  headers: { Authorization: "Bearer <<tok_openai>>", "Content-Type": "application/json" },
  method: "POST", body: JSON.stringify(payload),
});
```
returns 429 right away even though I have credit.
"""),
    frame("leak_firebase_config", "pii", """
Firebase auth popup closes immediately. Config:

```js
const firebaseConfig = { apiKey: "<<tok_google>>", authDomain: "<<proj>>.firebaseapp.com", projectId: "<<proj>>" };
```
plus service account private key in `serviceAccount.json`:
```
<<private_key>>
```
""", proj=["shop-prod-4821", "trailnote-app", "casa-azul-bookings"]),
    frame("leak_mongo_uri", "pii", """
`MongoServerSelectionError` after moving to Atlas. URI: `mongodb+srv://<<u>>:<<password>>@cluster0.<<c>>.mongodb.net/<<db>>?retryWrites=true`
""", u=["admin", "shopuser", "appdev"], c=["x8k2p", "ab12c", "qz9ty"], db=["prod", "shop", "app"]),
    frame("leak_laravel_env", "pii", """
`.env` on the server:
```
APP_KEY=base64:<<b64>>
DB_PASSWORD=<<password>>
MAIL_PASSWORD=<<password2>>
```
still 500 on every page, log is empty.
""", b64=lambda r: "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") for _ in range(43)) + "="),
    frame("leak_github_action_token", "pii", """
The release workflow can't push tags. I hardcoded the token to test: `git push https://<<user>>:<<tok>>@github.com/<<user>>/<<project>>.git --tags` and it still says 403.
""", tok=[token("ghp"), token("github_pat")]),
    # ---------------------------------------------------------------- abuse in webdev threads
    frame("abuse_at_answerer", "abuse", """
<<handle>> your answer is wrong and so are you. Stop posting garbage advice, you clearly have no idea what SSR even is. Clown.
"""),
    frame("abuse_webdev_belittle", "abuse", """
lol <<handle>> is a "senior" developer and doesn't know how CORS works. Embarrassing. People like you are why the web is broken, go back to <<other>>.
""", other=["Wix", "WordPress", "jQuery", "Dreamweaver"]),
    frame("abuse_webdev_shutup", "abuse", """
<<handle>> shut up about <<topic>> already, nobody cares what you think. Every thread, same useless comment from you.
""", topic=["Svelte", "htmx", "Rust", "Tailwind", "web components"]),
    frame("abuse_webdev_identity", "abuse", """
Every broken package on npm is maintained by <<who>>. We should block them from publishing and stop merging their garbage.
""", who=["Indians", "Chinese devs", "Russians", "Pakistanis", "Nigerians"]),
    # ---------------------------------------------------------------- solicitation in webdev threads
    frame("webdev_hire_me", "solicitation", """
Hi, I see you struggle with <<thing>>. I am a professional <<stack>> developer, I can fix it for you in 1 hour via AnyDesk. Price <<money>>. Contact me on WhatsApp <<wa>>.
""", thing=["the deployment", "Stripe integration", "this Laravel error", "the React build"],
          stack=["MERN", "Laravel", "Django", "Next.js"], money=["$30", "$50", "$25"],
          wa=["+92 301 4455667", "+880 1712 345678", "+91 98765 43210", "+234 803 555 1290"]),
    frame("webdev_theme_ad", "solicitation", """
If you need a ready-made <<kind>> with this already working, check our premium template on <<market>>: <<market.1>>. Includes auth, payments and dark mode, lifetime updates.
""", kind=["admin dashboard", "SaaS starter", "e-commerce theme", "landing page kit"],
          market=[("ThemeForest", "themeforest.net/item/nexus-admin/4821"), ("our store", "shipfast-kit.com"), ("Gumroad", "gumroad.com/l/saas-boiler")]),
    frame("webdev_hosting_affiliate", "solicitation", """
Just move off <<host>>, it's slow and overpriced. I host all my client sites on <<other>>, use my link for 3 months free: <<other.1>>
""", host=["Vercel", "Heroku", "shared hosting", "AWS"],
          other=[("HostRocket", "hostrocket.io/?ref=devmike"), ("CloudWays Pro", "cloudwayspro.com/r/web42"), ("VPSKing", "vpsking.net/aff/1289")]),
    frame("webdev_seo_agency", "solicitation", """
Your <<fw>> site is not indexed because of poor SEO. Our agency guarantees first page Google ranking in 30 days. Free audit: <<url>>
""", fw=["Next.js", "React", "Gatsby", "Vue"], url=["rankfast-seo.com/audit", "seoboosters.agency", "topgoogle.pro/free-audit"]),
]
