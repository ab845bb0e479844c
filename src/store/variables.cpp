#include "store/variables.h"

namespace corscope {

namespace {
constexpr int maxDepth = 8;

std::optional<QString> lookup(const QList<QPair<QString, QString>> &variables, const QString &name)
{
    for (const auto &[key, value] : variables) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}
} // namespace

VariableResolver::VariableResolver(const Collection &collection, const Environment *environment,
                                   ProcessEnvironment processEnvironment)
    : m_collection(collection)
    , m_environment(environment)
    , m_processEnvironment(std::move(processEnvironment))
{
    if (!m_processEnvironment) {
        m_processEnvironment = [](const QString &name) -> std::optional<QString> {
            if (!qEnvironmentVariableIsSet(name.toLocal8Bit().constData()))
                return std::nullopt;
            return qEnvironmentVariable(name.toLocal8Bit().constData());
        };
    }
}

QString VariableResolver::resolve(const QString &text, QStringList *problems) const
{
    return resolveDepth(text, problems, 0);
}

QString VariableResolver::resolveDepth(const QString &text, QStringList *problems, int depth) const
{
    if (!text.contains(u"{{"))
        return text;
    QString out;
    out.reserve(text.size());
    qsizetype position = 0;
    while (position < text.size()) {
        const qsizetype open = text.indexOf(u"{{", position);
        if (open < 0) {
            out += QStringView(text).mid(position);
            break;
        }
        const qsizetype close = text.indexOf(u"}}", open + 2);
        if (close < 0) {
            out += QStringView(text).mid(position);
            break;
        }
        out += QStringView(text).mid(position, open - position);
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        const QString placeholder = text.mid(open, close + 2 - open);
        std::optional<QString> value;
        if (name.startsWith(u"env:")) {
            value = m_processEnvironment(name.mid(4));
            if (!value && problems)
                problems->append(u"The environment variable " + name.mid(4) + u" (for " + placeholder
                                 + u") is not set.");
        } else {
            if (m_environment)
                value = lookup(m_environment->variables, name);
            if (!value)
                value = lookup(m_collection.variables, name);
            if (!value && problems) {
                problems->append(u"Unknown variable " + placeholder
                                 + (m_environment ? u" in environment '" + m_environment->name + u"'"
                                                  : QStringLiteral(" (no environment selected)"))
                                 + u'.');
            }
            if (value && depth < maxDepth)
                value = resolveDepth(*value, problems, depth + 1);
        }
        out += value.value_or(placeholder);
        position = close + 2;
    }
    return out;
}

QList<RequestInput> VariableResolver::inputsFor(const SavedRequest &request, const QStringList &originOverride,
                                                QStringList *problems) const
{
    QStringList origins = originOverride;
    if (origins.isEmpty())
        origins = request.origins;
    if (origins.isEmpty())
        origins = m_collection.origins;
    if (origins.isEmpty())
        origins.append(QString()); // buildRequest() explains that an origin is missing

    RequestInput base;
    base.method = resolve(request.method, problems);
    base.url = resolve(request.url, problems);
    for (const auto &[name, value] : request.headers)
        base.headerLines.append(resolve(name, problems) + u": " + resolve(value, problems));
    if (request.body)
        base.body = resolve(*request.body, problems).toUtf8();
    base.credentials = request.credentials;
    base.redirect = request.redirect;
    base.browser = request.browser;

    QList<RequestInput> inputs;
    for (const QString &origin : std::as_const(origins)) {
        RequestInput input = base;
        input.origin = resolve(origin, problems);
        inputs.append(input);
    }
    return inputs;
}

} // namespace corscope
