#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

namespace corscope {

// Masks every occurrence of a set of known secret values in a text, in time linear in the text (plus
// the total length of the secrets, once): an Aho-Corasick automaton. Replacing one secret after the
// other cost (number of secrets) × (length of the text), and a server can make both large: one
// megabyte header of "token=…" pairs gives tens of thousands of secrets to hunt in a megabyte of text.
//
// Overlapping occurrences are masked as one, so no part of a secret stays readable.
class KnownSecrets
{
public:
    explicit KnownSecrets(const QStringList &secrets);

    bool isEmpty() const { return m_nodes.size() <= 1; }
    QString maskIn(const QString &text, const QString &mask) const;

private:
    struct Node
    {
        int fail = 0;
        int depth = 0;
        int longest = 0; // the longest secret that ends here (this node's text or a suffix of it)
    };
    int next(int node, char16_t c) const;
    int step(int node, char16_t c) const; // next() following fail links

    std::vector<Node> m_nodes;
    QHash<quint64, int> m_edges; // (node << 16 | character) -> node
};

} // namespace corscope
