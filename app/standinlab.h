#pragma once

#include "ui/examplerequest.h"

#include <QList>
#include <QObject>

namespace corscope {

class RawHttpServer;

// A few failing endpoints on a RawHttpServer, standing in for the LabServer until it lands.
class StandInLab final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StandInLab)

public:
    explicit StandInLab(QObject *parent = nullptr);
    ~StandInLab() override;

    bool start(QString *error);
    QList<ExampleRequest> examples() const;

private:
    RawHttpServer *m_server;
};

} // namespace corscope
