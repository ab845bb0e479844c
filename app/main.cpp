#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("corscope"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CORSCOPE_VERSION));
    QTextStream(stdout) << "corscope " << QCoreApplication::applicationVersion() << '\n';
    return 0;
}
