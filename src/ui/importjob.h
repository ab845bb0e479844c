#pragma once

#include "core/browserprofile.h"
#include "store/importer.h"
#include "ui/exchangerecord.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <optional>

class QThread;

namespace corscope {

// Reads and imports one file (cURL, HAR, Postman or a collection) on a worker thread, so that a
// 100 MB HAR never freezes the window; or, after analyzeWith(), evaluates the CORS exchanges a HAR
// recorded (analyzeHar) into timeline records instead. Progress and the end are signals delivered on
// the thread the job lives in; the result is read there after finished(). Destroying the job cancels it.
class ImportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)

public:
    explicit ImportJob(const QString &path, QObject *parent = nullptr);
    ~ImportJob() override;

    // Before start(): analyze the HAR under this browser profile instead of importing the file.
    void analyzeWith(const BrowserProfile &profile) { m_analysisProfile = profile; }
    const std::optional<BrowserProfile> &analysisProfile() const { return m_analysisProfile; }
    void start();
    void cancel();

    QString path() const { return m_path; }
    bool isRunning() const;
    // After finished(): the result, or nullopt with errorString() set (also when cancelled).
    const std::optional<ImportResult> &result() const { return m_result; }
    QString errorString() const { return m_error; }
    ImportFormat format() const { return m_format; }
    // After an analysis: the cross-origin exchanges in file order, as records without ids, each
    // saying where it was recorded (ExchangeRecord::recordedIn); and how many entries the HAR had.
    QList<std::shared_ptr<ExchangeRecord>> takeRecords() { return std::move(m_records); }
    qsizetype harEntryCount() const { return m_harEntryCount; }
    bool wasCancelled() const { return m_cancelled.load(); }

Q_SIGNALS:
    // percent 0-100; phase is text for people ("Reading…", "Importing 20,000 entries…").
    void progressChanged(int percent, const QString &phase);
    void finished();

private:
    void work(); // on the worker thread
    void analyze(const QByteArray &data, const ParseProgress &progress); // on the worker thread

    QString m_path;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancelled{false};
    // Written by the worker before the thread ends, read only after QThread::finished.
    std::optional<ImportResult> m_result;
    QString m_error;
    ImportFormat m_format = ImportFormat::Unknown;
    std::optional<BrowserProfile> m_analysisProfile;
    QList<std::shared_ptr<ExchangeRecord>> m_records;
    qsizetype m_harEntryCount = 0;
};

} // namespace corscope
