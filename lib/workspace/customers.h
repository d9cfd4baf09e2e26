#pragma once
// Customer records (customers.yaml, format 1.3) and the one way customer names are compared. Feedback
// names a customer by a record's name or one of its aliases; both sides are compared folded
// (normalized_customer), so "Globex, Inc." finds the record "Globex".

#include "workspace/model.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pops {

/// The words of a text, folded: ASCII case, Latin letters of U+00C0..U+017F without accents (ß ->
/// ss), dots and apostrophes inside a word dropped (S.A. -> sa, O'Brien -> obrien), & as "and", every
/// other ASCII punctuation and Unicode space or punctuation a separator; other characters kept.
std::vector<std::string> folded_words(std::string_view s);

/// A customer name as every customer comparison makes it (feedback-duplicate, customer-duplicate,
/// customer-unknown, find_customer): case folded, accents dropped (Zürich -> zurich, ß -> ss),
/// punctuation and white space gone, dots and apostrophes inside words dropped (S.A. -> sa), & as
/// "and", legal forms at the end dropped (Inc, Corp, LLC, Ltd, GmbH, AG, SA, BV, PLC ... and "& Co.
/// KG"), a leading "The" dropped: "Globex, Inc." and "GLOBEX" are both "globex".
std::string normalized_customer(std::string_view name);

/// The records by folded name and alias. A record's name wins over another record's alias; of two
/// records whose names fold equal (customer-duplicate reports them), the first.
class CustomerIndex {
public:
  explicit CustomerIndex(const Workspace& ws);
  /// The record `name` names (its name or an alias, folded), or nullptr.
  const Customer* find(std::string_view name) const;
  bool empty() const { return m_by_key.empty(); }

private:
  std::map<std::string, const Customer*, std::less<>> m_by_key;
};

/// The record `name` names, or nullptr (one look-up; build a CustomerIndex for many).
const Customer* find_customer(const Workspace& ws, std::string_view name);

}  // namespace pops
