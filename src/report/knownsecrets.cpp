#include "report/knownsecrets.h"

#include <algorithm>

namespace corscope {

namespace {
quint64 edgeKey(int node, char16_t c)
{
    return (quint64(node) << 16) | c;
}
} // namespace

KnownSecrets::KnownSecrets(const QStringList &secrets)
{
    m_nodes.push_back(Node{});
    for (const QString &secret : secrets) {
        if (secret.isEmpty())
            continue;
        int node = 0;
        for (const QChar c : secret) {
            int child = next(node, c.unicode());
            if (child < 0) {
                child = int(m_nodes.size());
                m_nodes.push_back(Node{0, m_nodes[size_t(node)].depth + 1, 0});
                m_edges.insert(edgeKey(node, c.unicode()), child);
            }
            node = child;
        }
        m_nodes[size_t(node)].longest = int(secret.size());
    }
    // Fail links in order of depth (a node's fail target is shallower), found from the edges.
    std::vector<std::vector<std::pair<int, char16_t>>> byDepth; // per depth: (parent, character)
    for (auto it = m_edges.cbegin(); it != m_edges.cend(); ++it) {
        const int child = it.value();
        const size_t depth = size_t(m_nodes[size_t(child)].depth);
        if (byDepth.size() <= depth)
            byDepth.resize(depth + 1);
        byDepth[depth].emplace_back(int(it.key() >> 16), char16_t(it.key() & 0xffff));
    }
    for (size_t depth = 1; depth < byDepth.size(); ++depth) {
        for (const auto &[parent, c] : byDepth[depth]) {
            const int child = next(parent, c);
            Node &node = m_nodes[size_t(child)];
            node.fail = parent == 0 ? 0 : step(m_nodes[size_t(parent)].fail, c);
            node.longest = std::max(node.longest, m_nodes[size_t(node.fail)].longest);
        }
    }
}

int KnownSecrets::next(int node, char16_t c) const
{
    return m_edges.value(edgeKey(node, c), -1);
}

int KnownSecrets::step(int node, char16_t c) const
{
    for (;;) {
        const int child = next(node, c);
        if (child >= 0)
            return child;
        if (node == 0)
            return 0;
        node = m_nodes[size_t(node)].fail;
    }
}

QString KnownSecrets::maskIn(const QString &text, const QString &mask) const
{
    if (isEmpty())
        return text;
    // The longest secret ending at each position covers every occurrence ending there; merging the
    // ones that overlap gives the parts to mask. A stack, because a later, longer one can swallow
    // several earlier ones.
    struct Part
    {
        qsizetype start;
        qsizetype end;
    };
    std::vector<Part> parts;
    int node = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        node = step(node, text.at(i).unicode());
        const int length = m_nodes[size_t(node)].longest;
        if (length == 0)
            continue;
        Part part{i + 1 - length, i + 1};
        while (!parts.empty() && part.start < parts.back().end) {
            part.start = std::min(part.start, parts.back().start);
            parts.pop_back();
        }
        parts.push_back(part);
    }
    if (parts.empty())
        return text;
    QString output;
    output.reserve(text.size());
    qsizetype copied = 0;
    for (const Part &part : parts) {
        output += QStringView(text).mid(copied, part.start - copied);
        output += mask;
        copied = part.end;
    }
    output += QStringView(text).mid(copied);
    return output;
}

} // namespace corscope
