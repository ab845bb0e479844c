#pragma once

#include "core/browserprofile.h"
#include "store/importer.h"
#include "ui/exchangerecord.h"
#include "ui/jobtracker.h"

#include <QObject>
#include <QString>
#include <memory>
#include <optional>

namespace corscope {

// What reading one import file gave: made on the worker, handed to the GUI thread whole.
struct ImportOutcome
{
    std::optional<ImportResult> result; // an import that worked
    QString error;                      // else why not ("Import cancelled." when cancelled)
    bool cancelled = false;
    ImportFormat format = ImportFormat::Unknown;
    // An analysis: the cross-origin exchanges in file order, as records without ids, each saying
    // where it was recorded (ExchangeRecord::recordedIn); and how many entries the HAR had.
    QList<std::shared_ptr<ExchangeRecord>> records;
    qsizetype harEntryCount = 0;
};

// Reads and imports one file (cURL, HAR, Postman or a collection) off the GUI thread, so that a
// 100 MB HAR never freezes the window; or, after analyzeWith(), evaluates the CORS exchanges a HAR
// recorded (analyzeHar) into timeline records instead. Runs as a JobTracker job: progress and the end
// are signals on the job's thread; the result is read there after finished(). Destroying the job
// cancels it (the worker stops at its next check, and nothing is delivered).
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
    const std::optional<ImportResult> &result() const { return m_outcome.result; }
    QString errorString() const { return m_outcome.error; }
    ImportFormat format() const { return m_outcome.format; }
    QList<std::shared_ptr<ExchangeRecord>> takeRecords() { return std::move(m_outcome.records); }
    qsizetype harEntryCount() const { return m_outcome.harEntryCount; }
    bool wasCancelled() const { return m_cancelRequested || m_outcome.cancelled; }

    // The work itself, for a caller with its own JobTracker: reads the file and imports it (or, with
    // a profile, analyzes it as a HAR), checking `control` between chunks and reporting progress.
    static ImportOutcome run(
        const QString &path, const std::optional<BrowserProfile> &analysisProfile, const JobControl &control);

Q_SIGNALS:
    // percent 0-100; phase is text for people ("Reading…", "Importing 20,000 entries…").
    void progressChanged(int percent, const QString &phase);
    void finished();

private:
    QString m_path;
    std::optional<BrowserProfile> m_analysisProfile;
    ImportOutcome m_outcome;
    bool m_started = false;
    bool m_cancelRequested = false;
    JobTracker m_tracker; // a member: it must die before this QObject does
};

} // namespace corscope
