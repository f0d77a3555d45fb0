#pragma once

#include "scenario/ComparisonVerdict.h"

#include <QLabel>

namespace headroom {

// The verdict over the compared configurations, one or two lines across the top of the window; its
// tooltip gives the figures and rules behind the sentence. Its height is fixed at two lines, so a new
// sentence on every slider move never moves the charts below it.
class VerdictBanner final : public QLabel
{
    Q_OBJECT
public:
    explicit VerdictBanner(QWidget *parent = nullptr);

    void setVerdict(const ComparisonVerdict &verdict);
    const ComparisonVerdict &verdict() const { return m_verdict; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void fixHeight();

    ComparisonVerdict m_verdict;
};

// How the verdict was reached, for its tooltip and the report: each side's figures and where its price comes from.
QString verdictExplanation(const ComparisonVerdict &verdict);

} // namespace headroom
