// corscope-icons OUTDIR: writes the application icon as OUTDIR/hicolor/NxN/apps/corscope.png, the
// files `cmake --install` puts beside corscope.desktop. Build-time only: the icon is drawn in code
// (ui/appicon.cpp), so the window and the installed files can never disagree.
#include "ui/appicon.h"

#include <QDir>
#include <QImage>
#include <QString>

#include <cstdio>

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: corscope-icons OUTDIR\n");
        return 2;
    }
    const QString root = QString::fromLocal8Bit(argv[1]);
    for (const int size : {16, 24, 32, 48, 64, 128, 256}) {
        const QString dir = root + QStringLiteral("/hicolor/%1x%1/apps").arg(size);
        const QString file = dir + QStringLiteral("/corscope.png");
        if (!QDir().mkpath(dir) || !corscope::appIconImage(size).save(file, "PNG")) {
            std::fprintf(stderr, "corscope-icons: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
