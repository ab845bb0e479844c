#pragma once

#include <QByteArray>
#include <QString>

namespace corscope {

class CollectionRunner;

// The outputs of `corscope run`, from a finished CollectionRunner.
class RunReport
{
public:
    RunReport(const QString &collectionName, const CollectionRunner &runner);

    // The objects of `corscope check --format json`, with name, folder, origin, expect, asExpected.
    QByteArray json() const;
    // The origin matrix: rows = requests, columns = page origins, cells ✓ / ✗ check-id, then a summary.
    QString grid() const;
    // JUnit XML for CI: one testcase per request and origin, a failure when "expect" is not met.
    QByteArray junit() const;
    // One line: requests × origins, how many were allowed, blocked, failed, and not as expected.
    QString summary() const;
    bool allAsExpected() const;

private:
    QString m_name;
    const CollectionRunner &m_runner;
};

} // namespace corscope
