#include "ui/workingstatesecrets.h"

#include "report/redactor.h"

#include <QHash>
#include <QUrl>

namespace corscope {

namespace {
// A value that refers to a variable holds no secret itself.
bool isTemplate(const QString &value)
{
    return value.contains(u"{{");
}

bool isSecretVariable(const QString &name)
{
    return Redactor::isSecretField(name) || Redactor::isSecretParameter(name);
}

// "a=1&token=abc" with secret values masked; values that refer to variables are kept.
QString maskParameters(const QString &pairs)
{
    QStringList parts = pairs.split(u'&');
    for (QString &part : parts) {
        const qsizetype equals = part.indexOf(u'=');
        if (equals < 0)
            continue;
        const QString value = part.mid(equals + 1);
        if (value.isEmpty() || isTemplate(value) || value == Redactor::mask())
            continue;
        if (Redactor::isSecretParameter(QUrl::fromPercentEncoding(part.left(equals).toUtf8())))
            part = part.left(equals + 1) + Redactor::mask();
    }
    return parts.join(u'&');
}

// For URLs with {{variables}}, which the redactor would mask with the secret they stand for.
QString maskTemplatedUrl(const QString &url)
{
    QString rest = url;
    QString fragment;
    const qsizetype hash = rest.indexOf(u'#');
    if (hash >= 0) {
        fragment = u'#' + maskParameters(rest.mid(hash + 1)); // OAuth puts tokens here
        rest.truncate(hash);
    }
    QString query;
    const qsizetype question = rest.indexOf(u'?');
    if (question >= 0) {
        query = u'?' + maskParameters(rest.mid(question + 1));
        rest.truncate(question);
    }
    // user:password@host
    const qsizetype scheme = rest.indexOf(u"://");
    if (scheme >= 0) {
        const qsizetype authorityEnd = rest.indexOf(u'/', scheme + 3);
        const QString authority = rest.mid(scheme + 3, authorityEnd < 0 ? -1 : authorityEnd - scheme - 3);
        const qsizetype at = authority.lastIndexOf(u'@');
        const qsizetype colon = at < 0 ? -1 : authority.left(at).indexOf(u':');
        if (colon >= 0) {
            const QString password = authority.mid(colon + 1, at - colon - 1);
            if (!password.isEmpty() && !isTemplate(password) && password != Redactor::mask())
                rest.replace(scheme + 3 + colon + 1, password.size(), Redactor::mask());
        }
    }
    return rest + query + fragment;
}

QString maskHeader(const QString &name, const QString &value)
{
    if (value.isEmpty() || isTemplate(value))
        return value;
    return Redactor().redactHeaderValue(name, value);
}

QString maskUrl(const QString &url)
{
    if (url.isEmpty())
        return url;
    return isTemplate(url) ? maskTemplatedUrl(url) : Redactor().redactUrl(url);
}

QString maskBody(const QString &body)
{
    if (body.isEmpty())
        return body;
    if (!isTemplate(body))
        return Redactor().redactBody(body);
    // The references become plain words while the rules run, and come back after; one that stood
    // as the value of a secret field is masked with it (the request then asks for it again).
    QString substituted = body;
    QStringList references;
    qsizetype from = 0;
    while (true) {
        const qsizetype open = substituted.indexOf(u"{{", from);
        const qsizetype close = open < 0 ? -1 : substituted.indexOf(u"}}", open + 2);
        if (close < 0)
            break;
        const QString word = u"corscopereference" + QString::number(references.size()) + u'x';
        references.append(substituted.mid(open, close + 2 - open));
        substituted.replace(open, close + 2 - open, word);
        from = open + word.size();
    }
    QString masked = Redactor().redactBody(substituted);
    if (!masked.contains(Redactor::mask()))
        return body;
    for (qsizetype i = references.size() - 1; i >= 0; --i)
        masked.replace(u"corscopereference" + QString::number(i) + u'x', references.at(i));
    return masked;
}

using Variables = QList<QPair<QString, QString>>;

void maskVariables(Variables &variables)
{
    for (auto &variable : variables) {
        if (!variable.second.isEmpty() && !isTemplate(variable.second) && isSecretVariable(variable.first))
            variable.second = Redactor::mask();
    }
}

void maskItems(std::vector<CollectionItem> &items)
{
    for (CollectionItem &item : items) {
        if (item.isFolder()) {
            maskItems(item.children);
            continue;
        }
        SavedRequest &request = item.request;
        for (auto &header : request.headers)
            header.second = maskHeader(header.first, header.second);
        request.url = maskUrl(request.url);
        if (request.body)
            request.body = maskBody(*request.body);
    }
}

void collectItems(const std::vector<CollectionItem> &items, QHash<QString, const CollectionItem *> &byId)
{
    for (const CollectionItem &item : items) {
        byId.insert(item.id, &item);
        collectItems(item.children, byId);
    }
}

void refillVariables(Variables &restored, const Variables &original)
{
    for (auto &variable : restored) {
        if (!variable.second.contains(Redactor::mask()))
            continue;
        for (const auto &candidate : original) {
            if (candidate.first == variable.first && isSecretVariable(candidate.first)
                && !isTemplate(candidate.second) && !candidate.second.isEmpty()) {
                variable.second = candidate.second;
                break;
            }
        }
    }
}

void refillItems(std::vector<CollectionItem> &items, const QHash<QString, const CollectionItem *> &originals)
{
    for (CollectionItem &item : items) {
        if (item.isFolder()) {
            refillItems(item.children, originals);
            continue;
        }
        const CollectionItem *original = originals.value(item.id);
        if (!original || original->isFolder())
            continue;
        SavedRequest &request = item.request;
        for (auto &header : request.headers) {
            if (!header.second.contains(Redactor::mask()))
                continue;
            for (const auto &candidate : original->request.headers) {
                if (candidate.first.compare(header.first, Qt::CaseInsensitive) == 0
                    && maskHeader(candidate.first, candidate.second) == header.second) {
                    header.second = candidate.second;
                    break;
                }
            }
        }
        if (request.url.contains(Redactor::mask()) && maskUrl(original->request.url) == request.url)
            request.url = original->request.url;
        if (request.body && original->request.body && request.body->contains(Redactor::mask())
            && maskBody(*original->request.body) == *request.body)
            request.body = original->request.body;
    }
}

void findMissing(const std::vector<CollectionItem> &items, WorkingStateSecrets::Missing &missing)
{
    for (const CollectionItem &item : items) {
        if (item.isFolder()) {
            findMissing(item.children, missing);
            continue;
        }
        QStringList where;
        for (const auto &header : item.request.headers) {
            if (header.second.contains(Redactor::mask()))
                where.append(header.first);
        }
        if (item.request.url.contains(Redactor::mask()))
            where.append(QStringLiteral("URL"));
        if (item.request.body && item.request.body->contains(Redactor::mask()))
            where.append(QStringLiteral("body"));
        if (where.isEmpty())
            continue;
        where.removeDuplicates();
        missing.itemIds.append(item.id);
        missing.requests.append(u"“" + item.name + u"” (" + where.join(u", ") + u')');
    }
}
} // namespace

Collection WorkingStateSecrets::withoutSecrets(const Collection &collection)
{
    Collection masked = collection;
    maskVariables(masked.variables);
    for (Environment &environment : masked.environments)
        maskVariables(environment.variables);
    maskItems(masked.items);
    return masked;
}

void WorkingStateSecrets::refill(Collection &restored, const Collection &original)
{
    refillVariables(restored.variables, original.variables);
    for (Environment &environment : restored.environments) {
        if (const Environment *match = original.environment(environment.name))
            refillVariables(environment.variables, match->variables);
    }
    QHash<QString, const CollectionItem *> originals;
    collectItems(original.items, originals);
    refillItems(restored.items, originals);
}

WorkingStateSecrets::Missing WorkingStateSecrets::missing(const Collection &restored)
{
    Missing missing;
    for (const auto &variable : restored.variables) {
        if (variable.second.contains(Redactor::mask()))
            missing.variables.append(variable.first);
    }
    for (const Environment &environment : restored.environments) {
        for (const auto &variable : environment.variables) {
            if (variable.second.contains(Redactor::mask()))
                missing.variables.append(environment.name + u'/' + variable.first);
        }
    }
    findMissing(restored.items, missing);
    return missing;
}

QString WorkingStateSecrets::Missing::sentence() const
{
    QStringList parts;
    if (!requests.isEmpty()) {
        parts.append(QString::number(requests.size())
            + (requests.size() == 1 ? QStringLiteral(" request needs its secret values again: ")
                                    : QStringLiteral(" requests need their secret values again: "))
            + requests.join(u", ") + u'.');
    }
    if (!variables.isEmpty()) {
        parts.append((variables.size() == 1 ? QStringLiteral("A secret variable needs its value again: ")
                                            : QStringLiteral("Secret variables need their values again: "))
            + variables.join(u", ") + u'.');
    }
    if (parts.isEmpty())
        return {};
    return parts.join(u' ')
        + QStringLiteral(" Secret values are not kept between sessions unless Keep secrets is on.");
}

} // namespace corscope
