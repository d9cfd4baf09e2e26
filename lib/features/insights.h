#pragma once
// Customer feedback as evidence: filtering entries (`pops feedback list`), demand per item, tag,
// segment, source or customer with the trend against the previous period (`pops insights`), and the
// demand behind one item (`pops rank`). A figure with no data is missing (nullopt), never 0.

#include "workspace/model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pops {

struct FeedbackFilter {
  bool unlinked = false;               ///< only entries linked to no item
  std::optional<Date> since, until;    ///< inclusive
  std::vector<std::string> tags;       ///< any of them
  std::vector<std::string> customers;  ///< any of them, ignoring case
  std::vector<std::string> items;      ///< linked to any of them
};

/// The entries that pass `f`, by date then id.
std::vector<const Feedback*> filter_feedback(const Workspace& ws, const FeedbackFilter& f);

/// A customer's name as compared: trimmed, lower case.
std::string customer_key(std::string_view name);

/// Each customer's ARR and segment, by customer_key of every spelling feedback uses and of every
/// record's name and alias: from the customer's record (customers.yaml) when there is one and it
/// states them, else from the entries. An entry's ARR: the `arr` of the customer's most recent entry
/// that states one (the higher value when two entries of the same day differ). The spellings a record
/// ties (its name, its aliases, folded as normalized_customer) are one customer, named by the record.
/// Customers with no record and no entry stating an ARR are absent.
struct CustomerArr {
  std::string name;  ///< the record's name, else as written on the entry
  double arr = 0;    ///< meaningful when has_arr
  bool has_arr = false;
  std::string from;     ///< where the ARR comes from: the entry (FB-12) or "customers.yaml"
  std::string segment;  ///< the record's segment; empty: the entry's
  std::string record;   ///< the record's name; empty: no record
};
std::map<std::string, CustomerArr> customer_arr(const Workspace& ws);

/// The segment `fb` counts in: its customer's record's segment when the record states one, else the
/// entry's.
std::string segment_of(const Feedback& fb, const std::map<std::string, CustomerArr>& arr);

/// The demand of a set of entries: each customer once, their ARR once.
struct Demand {
  int entries = 0;
  int customers = 0;                  ///< unique customers (entries without a customer not counted)
  std::optional<double> arr;          ///< sum of the customers' ARR; missing when no customer has one
  std::vector<std::string> feedback;  ///< entry ids
  std::vector<std::pair<std::string, std::optional<double>>> by_customer;  ///< name, ARR (missing: unknown)
};
/// A customer is counted once however many of its spellings the entries use (customer_key, or the
/// record's name for the spellings it ties).
Demand demand_of(const std::vector<const Feedback*>& entries, const std::map<std::string, CustomerArr>& arr);

struct InsightOptions {
  std::string by = "item";           ///< item | tag | segment | source | customer | theme
  std::optional<Date> since, until;  ///< default: the 90 days up to today
  Date today;
  int min_customers = 3;  ///< "high demand" for items in later or idea
};

struct InsightGroup {
  std::string key;                  ///< the item id, tag, segment, source, customer or theme word
  std::string label;                ///< the item's title; a theme's other shared words; empty otherwise
  Demand now;                       ///< in the period
  Demand before;                    ///< in the previous period of the same length
  int trend = 0;                    ///< now.entries - before.entries
  std::optional<double> trend_pct;  ///< missing when the previous period has no entries
  int unlinked = 0;                 ///< entries of the period linked to no item
};

/// The themes of a set of entries: clusters by shared words (suggest_terms of the quote, summary and
/// tags). Greedily, the word most entries not yet in a theme share (at least two; the first
/// alphabetically on a tie) makes a theme of those entries; its label is the word, its other words
/// those at least two of its entries share (at most three, the most shared first). An entry that
/// shares no word with another is in no theme (""). Returns each entry's theme word, and each
/// theme's other words.
struct Themes {
  std::map<const Feedback*, std::string> theme_of;
  std::map<std::string, std::string> words;  ///< theme -> "word, word"
};
Themes feedback_themes(const std::vector<const Feedback*>& entries);

struct ItemDemand {
  const Item* item = nullptr;
  Demand demand;
};

struct Insights {
  std::string by;
  Date since, until, prev_since, prev_until;
  std::vector<InsightGroup> groups;  ///< by ARR (missing last), customers, entries, key
  /// Entries of the period linked to no item, by tag ("" for untagged), most entries first.
  std::vector<std::pair<std::string, std::vector<std::string>>> unlinked_by_tag;
  std::vector<ItemDemand> high_demand_later;      ///< horizon later or status idea, >= min_customers in the period
  std::vector<const Item*> now_without_evidence;  ///< horizon now, open, no feedback at all
};

/// Throws std::invalid_argument for an unknown `by` or a period that ends before it starts.
Insights compute_insights(const Workspace& ws, const InsightOptions& o);

}  // namespace pops
