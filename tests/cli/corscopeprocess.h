#pragma once

// Runs the real corscope binary (CORSCOPE_BIN, injected by CMake) as a child process while the test's
// event loop keeps running, so that the RawHttpServer living in the test process can answer it.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTcpServer>
#include <QTest>

namespace corscope::testing {

// What one run of the binary produced.
struct CorscopeRun
{
    bool finished = false;   // false: did not start, or still running after the timeout (then killed)
    QString problem;         // why finished is false
    QProcess::ExitStatus exitStatus = QProcess::CrashExit;
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QString describe() const
    {
        return QStringLiteral("exit %1 (%2)\n--- stdout ---\n%3\n--- stderr ---\n%4")
            .arg(exitCode)
            .arg(finished ? QStringLiteral("finished") : problem, QString::fromUtf8(out.left(4000)),
                 QString::fromUtf8(err.left(4000)));
    }
};

// The environment of the child: no colours switched off by the caller's NO_COLOR (so "no ANSI without a
// TTY" is really tested), no proxies, a terminal type that would allow colours.
inline QProcessEnvironment childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"NO_COLOR", "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "no_proxy",
                             "NO_PROXY", "all_proxy", "ALL_PROXY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("TERM"), QStringLiteral("xterm-256color"));
    return environment;
}

// Starts program with arguments and lets the event loop run until it ends (never waitForFinished:
// that would block the in-process server the child talks to).
inline CorscopeRun runProgram(const QString &program, const QStringList &arguments,
                              const QProcessEnvironment &environment, int timeoutMs = 15000)
{
    CorscopeRun run;
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    const bool ended = QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    if (!ended) {
        process.kill();
        run.problem = QStringLiteral("still running after %1 ms, killed").arg(timeoutMs);
        if (!QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, 5000))
            run.problem += QStringLiteral(" (and did not end after the kill)");
    } else if (process.error() == QProcess::FailedToStart) {
        run.problem = u"failed to start " + program + u": " + process.errorString();
    } else {
        run.finished = true;
    }
    run.exitStatus = process.exitStatus();
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

inline CorscopeRun runCorscope(const QStringList &arguments, int timeoutMs = 15000)
{
    return runProgram(QStringLiteral(CORSCOPE_BIN), arguments, childEnvironment(), timeoutMs);
}

// A loopback port that nothing listens on (bound, then released).
inline quint16 closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

inline QJsonObject parseObject(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *error = parseError.errorString();
    else if (!document.isObject())
        *error = QStringLiteral("not a JSON object");
    return document.object();
}

// The values of every [name, value] pair whose name matches (case-insensitively).
inline QStringList pairValues(const QJsonArray &pairs, const QString &name)
{
    QStringList values;
    for (const QJsonValue &pair : pairs) {
        const QJsonArray array = pair.toArray();
        if (array.size() == 2 && array.at(0).toString().compare(name, Qt::CaseInsensitive) == 0)
            values.append(array.at(1).toString());
    }
    return values;
}

// True when every element is a [string, string] pair.
inline bool isListOfPairs(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    for (const QJsonValue &pair : value.toArray()) {
        const QJsonArray array = pair.toArray();
        if (!pair.isArray() || array.size() != 2 || !array.at(0).isString() || !array.at(1).isString())
            return false;
    }
    return true;
}

} // namespace corscope::testing
