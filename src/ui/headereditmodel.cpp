#include "ui/headereditmodel.h"

#include "core/httpsyntax.h"
#include "core/preflightdecision.h"
#include "ui/tone.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace corscope {

namespace {
QString printable(const QString &text)
{
    QString result = text;
    result.replace(u'\r', QStringLiteral("\\r"))
        .replace(u'\n', QStringLiteral("\\n"))
        .replace(QChar(0), QStringLiteral("\\0"));
    return result;
}

QIcon makeProblemIcon()
{
    const qreal ratio = 2.0;
    QPixmap pixmap(QSize(16, 16) * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor red = toneColor(QGuiApplication::palette(), Tone::Failure);
    painter.setPen(Qt::NoPen);
    painter.setBrush(red);
    painter.drawEllipse(QRectF(1, 1, 14, 14));
    painter.setPen(QPen(readableTextOn(red), 2.0, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(8, 4.5), QPointF(8, 9));
    painter.drawPoint(QPointF(8, 11.8));
    return QIcon(pixmap);
}
} // namespace

HeaderEditModel::HeaderEditModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_problemIcon(makeProblemIcon())
{ }

HeaderEditModel::~HeaderEditModel() = default;

QStringList HeaderEditModel::commonHeaderNames()
{
    return {QStringLiteral("Accept"), QStringLiteral("Accept-Language"), QStringLiteral("Authorization"),
        QStringLiteral("Cache-Control"), QStringLiteral("Content-Language"), QStringLiteral("Content-Type"),
        QStringLiteral("If-Match"), QStringLiteral("If-None-Match"), QStringLiteral("Last-Event-ID"),
        QStringLiteral("Range"), QStringLiteral("X-API-Key"), QStringLiteral("X-CSRF-Token"),
        QStringLiteral("X-Request-ID"), QStringLiteral("X-Requested-With"), QStringLiteral("X-Trace-Id")};
}

int HeaderEditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int HeaderEditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : NUM_COLUMNS;
}

QVariant HeaderEditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &entry = m_entries.at(index.row());
    const QString &problem = m_problems.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        if (role == Qt::DisplayRole && index.column() == ValueColumn && entry.secretLost
            && entry.value.isEmpty())
            return lostSecretPlaceholder();
        if (index.column() == NameColumn)
            return role == Qt::DisplayRole ? printable(entry.name) : entry.name;
        if (index.column() == ValueColumn)
            return role == Qt::DisplayRole ? printable(entry.value) : entry.value;
        return {};
    case Qt::CheckStateRole:
        if (index.column() == EnabledColumn)
            return entry.enabled ? Qt::Checked : Qt::Unchecked;
        return {};
    case Qt::DecorationRole:
        if (index.column() == NameColumn && !problem.isEmpty())
            return m_problemIcon;
        return {};
    case Qt::ForegroundRole:
        if (entry.secretLost && index.column() == ValueColumn && entry.value.isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        if (!problem.isEmpty() && index.column() != EnabledColumn)
            return toneColor(QGuiApplication::palette(), Tone::Failure);
        return {};
    case Qt::BackgroundRole:
        if (entry.secretLost && entry.enabled)
            return toneBackground(QGuiApplication::palette(), Tone::Warning);
        return {};
    case Qt::ToolTipRole:
        if (!problem.isEmpty())
            return problem;
        if (index.column() == EnabledColumn)
            return QStringLiteral("Send this header (uncheck to keep it without sending it)");
        return {};
    case ProblemRole:
        return problem;
    case SecretLostRole:
        return entry.secretLost;
    default:
        return {};
    }
}

bool HeaderEditModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Entry &entry = m_entries[index.row()];
    if (role == Qt::CheckStateRole && index.column() == EnabledColumn) {
        const bool enabled = value.toInt() == Qt::Checked;
        if (entry.enabled == enabled)
            return true;
        entry.enabled = enabled;
    } else if (role == Qt::EditRole && index.column() == NameColumn) {
        if (entry.name == value.toString())
            return true;
        entry.name = value.toString();
    } else if (role == Qt::EditRole && index.column() == ValueColumn) {
        if (entry.value == value.toString())
            return true;
        entry.value = value.toString();
        entry.secretLost = false;
    } else {
        return false;
    }
    revalidate(index.row(), index.row());
    return true;
}

Qt::ItemFlags HeaderEditModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (index.column() == EnabledColumn)
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant HeaderEditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case EnabledColumn:
        return QString();
    case NameColumn:
        return QStringLiteral("Header");
    case ValueColumn:
        return QStringLiteral("Value");
    case NUM_COLUMNS:
        break;
    }
    return {};
}

bool HeaderEditModel::insertRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || row > m_entries.size() || count <= 0)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    m_entries.insert(row, count, Entry{});
    m_problems.insert(row, count, QString());
    endInsertRows();
    return true;
}

bool HeaderEditModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_entries.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_entries.remove(row, count);
    m_problems.remove(row, count);
    endRemoveRows();
    return true;
}

void HeaderEditModel::setEntries(const QList<Entry> &entries)
{
    beginResetModel();
    m_entries = entries;
    m_problems = QStringList(entries.size(), QString());
    endResetModel();
    revalidate(0, int(m_entries.size()) - 1);
}

int HeaderEditModel::appendEntry()
{
    return appendEntry(Entry{});
}

int HeaderEditModel::appendEntry(const Entry &entry)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    m_entries.append(entry);
    m_problems.append(QString());
    endInsertRows();
    revalidate(row, row);
    return row;
}

QStringList HeaderEditModel::enabledHeaderLines() const
{
    QStringList lines;
    for (const Entry &entry : m_entries) {
        if (entry.enabled && !entry.name.isEmpty())
            lines.append(entry.name + u": " + entry.value);
    }
    return lines;
}

QStringList HeaderEditModel::problems() const
{
    QStringList result;
    for (const QString &problem : m_problems) {
        if (!problem.isEmpty())
            result.append(problem);
    }
    return result;
}

QString HeaderEditModel::problemAt(int row) const
{
    return m_problems.value(row);
}

QStringList HeaderEditModel::lostSecretNames() const
{
    QStringList names;
    for (const Entry &entry : m_entries) {
        if (entry.enabled && entry.secretLost)
            names.append(entry.name);
    }
    return names;
}

QString HeaderEditModel::lostSecretPlaceholder()
{
    return QStringLiteral("secret not kept: enter it again");
}

void HeaderEditModel::setProfile(const BrowserProfile &profile)
{
    m_profile = profile;
    revalidate(0, int(m_entries.size()) - 1);
}

void HeaderEditModel::revalidate(int first, int last)
{
    if (first > last)
        return;
    for (int row = first; row <= last; ++row) {
        const Entry &entry = m_entries.at(row);
        const QByteArray name = entry.name.toUtf8();
        const QByteArray value = entry.value.toUtf8();
        QString problem;
        if (!entry.enabled || (entry.name.isEmpty() && entry.value.isEmpty())) {
            problem.clear();
        } else if (entry.name.isEmpty()) {
            problem = QStringLiteral("This header has a value but no name.");
        } else if (!isToken(name)) {
            problem = u"'" + printable(entry.name)
                + u"' is not a valid header name: use letters, digits and - (no spaces, colons or control "
                  u"characters).";
        } else if (containsLineBreakOrNul(value)) {
            problem = u"The value of " + entry.name
                + u" contains a line break or NUL byte: fetch() throws, and on the wire it would inject "
                  u"header lines.";
        } else if (isForbiddenRequestHeader(name, value, m_profile)) {
            problem = entry.name + u" is a forbidden request header: a page cannot set it and "
                + m_profile.displayName + u" silently drops it. Remove it.";
        } else if (entry.secretLost) {
            problem = u"The value of " + entry.name
                + u" is a secret and was not kept on disk: enter it again, or uncheck the row.";
        }
        m_problems[row] = problem;
    }
    Q_EMIT dataChanged(index(first, 0), index(last, NUM_COLUMNS - 1));
}

} // namespace corscope
