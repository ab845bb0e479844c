#include "core/fixsnippet.h"

#include "core/preflightdecision.h"
#include "core/scriptheaders.h"

#include <QStringList>

namespace corscope {

namespace {

struct StackInfo
{
    ServerStack stack;
    const char *name;
    const char *displayName;
};

constexpr StackInfo stacks[] = {
    {ServerStack::Express, "express", "Express (cors)"},
    {ServerStack::FastApi, "fastapi", "FastAPI / Starlette"},
    {ServerStack::Django, "django", "Django (django-cors-headers)"},
    {ServerStack::Flask, "flask", "Flask (Flask-CORS)"},
    {ServerStack::NextJs, "nextjs", "Next.js route handler"},
    {ServerStack::Nginx, "nginx", "nginx"},
    {ServerStack::Apache, "apache", "Apache (mod_headers)"},
    {ServerStack::GoNetHttp, "go", "Go net/http"},
};

QString latin1(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes);
}

// Joins items as quoted literals: 'a', 'b' (quote is ' or ").
QString quotedList(const QList<QByteArray> &items, QChar quote)
{
    QStringList parts;
    for (const QByteArray &item : items)
        parts.append(quote + latin1(item) + quote);
    return parts.join(QStringLiteral(", "));
}

QString commaList(const QList<QByteArray> &items)
{
    QStringList parts;
    for (const QByteArray &item : items)
        parts.append(latin1(item));
    return parts.join(QStringLiteral(", "));
}

// The methods a config should list: the safelisted ones people expect plus what the request needs.
QList<QByteArray> methodsToList(const CorsRequirements &r)
{
    QList<QByteArray> methods{QByteArrayLiteral("GET"), QByteArrayLiteral("HEAD"), QByteArrayLiteral("POST")};
    for (const QByteArray &method : r.methods) {
        if (!methods.contains(method))
            methods.append(method);
    }
    return methods;
}

QString failureComment(const std::optional<Finding> &failure, const QString &prefix)
{
    if (!failure || failure->check == CheckId::NetworkError)
        return {};
    return prefix + u" Fixes: " + stageName(failure->stage) + u" / " + checkIdName(failure->check)
           + (failure->header.isEmpty() ? QString() : u" (" + latin1(failure->header) + u')') + u'\n';
}

bool preflightRejected(const std::optional<Finding> &failure)
{
    return failure && failure->stage == Stage::Preflight
           && (failure->check == CheckId::PreflightInvalidStatus || failure->check == CheckId::MissingAllowOrigin);
}

QString express(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("//"));
    s += u"// npm install cors\nconst cors = require('cors');\n\nconst corsOptions = {\n"
         u"  origin: ['" + latin1(r.origin) + u"'], // the page origins you trust, never `true` with credentials\n"
         u"  methods: [" + quotedList(methodsToList(r), u'\'') + u"],\n";
    if (!r.headers.isEmpty())
        s += u"  allowedHeaders: [" + quotedList(r.headers, u'\'') + u"],\n";
    if (r.credentials)
        s += QStringLiteral("  credentials: true,\n");
    s += u"  maxAge: " + QString::number(r.maxAgeSeconds) + u",\n};\n\n";
    s += QStringLiteral("// Register before authentication middleware and before the routes:\n"
                        "app.use(cors(corsOptions));\n");
    if (r.preflight)
        s += QStringLiteral("app.options('*', cors(corsOptions)); // answer every preflight with 204\n");
    return s;
}

QString fastApi(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("#"));
    s += u"from fastapi.middleware.cors import CORSMiddleware\n\n"
         u"app.add_middleware(\n    CORSMiddleware,\n"
         u"    allow_origins=[\"" + latin1(r.origin) + u"\"],  # an explicit list: no wildcard\n"
         u"    allow_methods=[" + quotedList(methodsToList(r), u'"') + u"],\n"
         u"    allow_headers=[" + quotedList(r.headers, u'"') + u"],\n"
         + (r.credentials ? QStringLiteral("    allow_credentials=True,\n") : QString())
         + u"    max_age=" + QString::number(r.maxAgeSeconds) + u",\n)\n";
    if (preflightRejected(failure)) {
        s += QStringLiteral("# A preflight answered 400 \"Disallowed CORS ...\" names the missing entry above.\n");
    }
    s += QStringLiteral("# Unhandled exceptions bypass the middleware (bare 500 without CORS headers):\n"
                        "# raise HTTPException instead so errors keep their CORS headers.\n");
    return s;
}

QString django(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("#"));
    s += u"# pip install django-cors-headers  — settings.py\n"
         u"INSTALLED_APPS += [\"corsheaders\"]\n"
         u"# Above CommonMiddleware, so APPEND_SLASH redirects and errors carry CORS headers too:\n"
         u"MIDDLEWARE.insert(0, \"corsheaders.middleware.CorsMiddleware\")\n\n"
         u"CORS_ALLOWED_ORIGINS = [\"" + latin1(r.origin) + u"\"]  # not CORS_ALLOW_ALL_ORIGINS\n";
    if (!r.methods.isEmpty()) {
        s += u"from corsheaders.defaults import default_methods\n"
             u"CORS_ALLOW_METHODS = (*default_methods, " + quotedList(r.methods, u'"') + u")\n";
    }
    if (!r.headers.isEmpty()) {
        QList<QByteArray> lower;
        for (const QByteArray &header : r.headers)
            lower.append(header.toLower());
        s += u"from corsheaders.defaults import default_headers\n"
             u"CORS_ALLOW_HEADERS = (*default_headers, " + quotedList(lower, u'"') + u")\n";
    }
    if (r.credentials)
        s += QStringLiteral("CORS_ALLOW_CREDENTIALS = True\n");
    s += u"CORS_PREFLIGHT_MAX_AGE = " + QString::number(r.maxAgeSeconds) + u'\n';
    return s;
}

QString flask(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("#"));
    s += u"# pip install flask-cors\nfrom flask_cors import CORS\n\n"
         u"CORS(\n    app,\n"
         u"    origins=[\"" + latin1(r.origin) + u"\"],  # the default reflects any origin\n"
         u"    methods=[" + quotedList(methodsToList(r), u'"') + u"],\n"
         + (r.headers.isEmpty() ? QString() : u"    allow_headers=[" + quotedList(r.headers, u'"') + u"],\n")
         + (r.credentials ? QStringLiteral("    supports_credentials=True,\n") : QString())
         + u"    max_age=" + QString::number(r.maxAgeSeconds) + u",\n)\n"
           u"# Don't also add CORS headers in after_request: two layers give 'origin, *'.\n";
    return s;
}

QString nextJs(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("//"));
    s += u"// app/api/<route>/route.ts\nconst ALLOWED_ORIGINS = ['" + latin1(r.origin) + u"'];\n\n"
         u"function corsHeaders(request: Request): Headers {\n"
         u"  const headers = new Headers({ Vary: 'Origin' });\n"
         u"  const origin = request.headers.get('origin');\n"
         u"  if (origin && ALLOWED_ORIGINS.includes(origin)) {\n"
         u"    headers.set('Access-Control-Allow-Origin', origin);\n";
    if (r.credentials)
        s += QStringLiteral("    headers.set('Access-Control-Allow-Credentials', 'true');\n");
    s += QStringLiteral("  }\n  return headers;\n}\n\n");
    if (r.preflight) {
        s += u"export async function OPTIONS(request: Request) {\n"
             u"  const headers = corsHeaders(request);\n"
             u"  headers.set('Access-Control-Allow-Methods', '" + commaList(methodsToList(r)) + u"');\n"
             + (r.headers.isEmpty() ? QString()
                                    : u"  headers.set('Access-Control-Allow-Headers', '" + commaList(r.headers) + u"');\n")
             + u"  headers.set('Access-Control-Max-Age', '" + QString::number(r.maxAgeSeconds) + u"');\n"
               u"  return new Response(null, { status: 204, headers });\n}\n\n";
    }
    s += QStringLiteral("// In every handler (errors included), copy the CORS headers onto the response:\n"
                        "//   corsHeaders(request).forEach((value, key) => response.headers.set(key, value));\n");
    return s;
}

QString nginx(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("#"));
    s += u"# http { } block: allow-list the origin (never echo $http_origin unchecked)\n"
         u"map $http_origin $cors_origin {\n    default \"\";\n    \"" + latin1(r.origin) + u"\" $http_origin;\n}\n\n"
         u"location /api/ {\n";
    const QString common = QStringLiteral("add_header Access-Control-Allow-Origin $cors_origin always;\n")
                           + (r.credentials ? QStringLiteral("add_header Access-Control-Allow-Credentials true always;\n")
                                            : QString())
                           + QStringLiteral("add_header Vary Origin always;\n");
    if (r.preflight) {
        s += QStringLiteral("    if ($request_method = OPTIONS) {\n");
        s += QStringLiteral("        # add_header inside `if` drops the outer ones: repeat them all here\n");
        for (const QString &line : common.split(u'\n', Qt::SkipEmptyParts))
            s += u"        " + line + u'\n';
        s += u"        add_header Access-Control-Allow-Methods \"" + commaList(methodsToList(r)) + u"\" always;\n";
        if (!r.headers.isEmpty())
            s += u"        add_header Access-Control-Allow-Headers \"" + commaList(r.headers) + u"\" always;\n";
        s += u"        add_header Access-Control-Max-Age " + QString::number(r.maxAgeSeconds) + u" always;\n"
             u"        return 204;\n    }\n";
    }
    s += QStringLiteral("    # `always` keeps the headers on 4xx/5xx too\n");
    for (const QString &line : common.split(u'\n', Qt::SkipEmptyParts))
        s += u"    " + line + u'\n';
    s += QStringLiteral("    proxy_pass http://backend;\n}\n");
    return s;
}

QString apache(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString escaped = latin1(r.origin);
    escaped.replace(u'.', QStringLiteral("\\."));
    QString s = failureComment(failure, QStringLiteral("#"));
    s += u"# a2enmod headers rewrite — allow " + latin1(r.origin) + u" only\nSetEnvIf Origin \"^" + escaped + u"$\" CORS_ORIGIN=$0\n"
         u"Header always set Access-Control-Allow-Origin \"%{CORS_ORIGIN}e\" env=CORS_ORIGIN\n";
    if (r.credentials)
        s += QStringLiteral("Header always set Access-Control-Allow-Credentials \"true\" env=CORS_ORIGIN\n");
    s += QStringLiteral("Header always merge Vary Origin\n");
    if (r.preflight) {
        s += u"Header always set Access-Control-Allow-Methods \"" + commaList(methodsToList(r)) + u"\" env=CORS_ORIGIN\n";
        if (!r.headers.isEmpty())
            s += u"Header always set Access-Control-Allow-Headers \"" + commaList(r.headers) + u"\" env=CORS_ORIGIN\n";
        s += u"Header always set Access-Control-Max-Age \"" + QString::number(r.maxAgeSeconds) + u"\" env=CORS_ORIGIN\n"
             u"# Answer preflights here instead of passing them to the backend (which often says 405):\n"
             u"RewriteEngine On\nRewriteCond %{REQUEST_METHOD} OPTIONS\nRewriteRule ^(.*)$ $1 [R=204,L]\n";
    }
    return s;
}

QString goNetHttp(const CorsRequirements &r, const std::optional<Finding> &failure)
{
    QString s = failureComment(failure, QStringLiteral("//"));
    s += u"var allowedOrigins = map[string]bool{\"" + latin1(r.origin) + u"\": true}\n\n"
         u"// Wrap the whole mux so errors, 404s and preflights get CORS headers too.\n"
         u"func withCORS(next http.Handler) http.Handler {\n"
         u"\treturn http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {\n"
         u"\t\torigin := r.Header.Get(\"Origin\")\n"
         u"\t\tw.Header().Add(\"Vary\", \"Origin\")\n"
         u"\t\tif allowedOrigins[origin] {\n"
         u"\t\t\tw.Header().Set(\"Access-Control-Allow-Origin\", origin)\n";
    if (r.credentials)
        s += QStringLiteral("\t\t\tw.Header().Set(\"Access-Control-Allow-Credentials\", \"true\")\n");
    s += QStringLiteral("\t\t}\n");
    if (r.preflight) {
        s += u"\t\tif r.Method == http.MethodOptions && r.Header.Get(\"Access-Control-Request-Method\") != \"\" {\n"
             u"\t\t\tw.Header().Set(\"Access-Control-Allow-Methods\", \"" + commaList(methodsToList(r)) + u"\")\n"
             + (r.headers.isEmpty() ? QString()
                                    : u"\t\t\tw.Header().Set(\"Access-Control-Allow-Headers\", \"" + commaList(r.headers) + u"\")\n")
             + u"\t\t\tw.Header().Set(\"Access-Control-Max-Age\", \"" + QString::number(r.maxAgeSeconds) + u"\")\n"
               u"\t\t\tw.WriteHeader(http.StatusNoContent)\n\t\t\treturn\n\t\t}\n";
    }
    s += QStringLiteral("\t\tnext.ServeHTTP(w, r)\n\t})\n}\n\n// http.ListenAndServe(addr, withCORS(mux))\n");
    return s;
}

} // namespace

QList<ServerStack> allServerStacks()
{
    QList<ServerStack> result;
    for (const StackInfo &info : stacks)
        result.append(info.stack);
    return result;
}

QString serverStackName(ServerStack stack)
{
    for (const StackInfo &info : stacks) {
        if (info.stack == stack)
            return QString::fromLatin1(info.name);
    }
    return {};
}

QString serverStackDisplayName(ServerStack stack)
{
    for (const StackInfo &info : stacks) {
        if (info.stack == stack)
            return QString::fromLatin1(info.displayName);
    }
    return {};
}

std::optional<ServerStack> serverStackFromName(const QString &name)
{
    for (const StackInfo &info : stacks) {
        if (name.compare(QLatin1String(info.name), Qt::CaseInsensitive) == 0)
            return info.stack;
    }
    return std::nullopt;
}

CorsRequirements corsRequirements(const FetchRequest &request, const BrowserProfile &profile)
{
    CorsRequirements r;
    r.origin = request.origin.serialize();
    const QByteArray method = normalizeMethod(request.method);
    const HeaderList headers = scriptHeadersAsSent(request, profile);
    const PreflightDecision decision = decidePreflight(method, headers, profile);
    if (decision.methodIsUnsafe)
        r.methods.append(method);
    for (const QByteArray &lower : decision.unsafeHeaderNames) {
        QByteArray spelled = lower;
        for (const HeaderField &field : headers) {
            if (field.name.toLower() == lower)
                spelled = field.name;
        }
        r.headers.append(spelled);
    }
    r.credentials = request.credentials == CredentialsMode::Include;
    r.preflight = decision.needed;
    r.maxAgeSeconds = qMin(600, profile.maxAgeCapSeconds);
    return r;
}

QString fixSnippet(ServerStack stack, const CorsRequirements &requirements, const std::optional<Finding> &failure)
{
    switch (stack) {
    case ServerStack::Express:
        return express(requirements, failure);
    case ServerStack::FastApi:
        return fastApi(requirements, failure);
    case ServerStack::Django:
        return django(requirements, failure);
    case ServerStack::Flask:
        return flask(requirements, failure);
    case ServerStack::NextJs:
        return nextJs(requirements, failure);
    case ServerStack::Nginx:
        return nginx(requirements, failure);
    case ServerStack::Apache:
        return apache(requirements, failure);
    case ServerStack::GoNetHttp:
        return goNetHttp(requirements, failure);
    }
    return {};
}

} // namespace corscope
