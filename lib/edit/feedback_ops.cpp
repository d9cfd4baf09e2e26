// pops feedback add/link and the feedback entries of pops import as planned file edits. See ops.h.

#include "edit/ops.h"

#include "edit/op_support.h"
#include "base/date.h"
#include "base/money.h"
#include "base/text.h"

#include <fmt/format.h>

#include <array>
#include <map>

namespace pops {

using namespace ops_detail;

namespace {

constexpr std::array<std::string_view, 11> k_feedback_order = {
  "id", "date", "source", "customer", "segment", "arr", "quote", "summary", "tags", "items", "url"};

}  // namespace

std::span<const std::string_view> feedback_key_order()
{
  return k_feedback_order;
}

EditPlan plan_feedback_add(const EditSession& s, const FeedbackSpec& spec, const UsedIds& history, Date today)
{
  const std::string date = spec.date.empty() ? format_date(today) : spec.date;
  if (!parse_date(date)) {
    throw OpError(fmt::format("--date '{}' is not a date; write YYYY-MM-DD", date));
  }
  for (const auto& i : spec.items) {
    for (const auto& v : split_values(i)) {
      if (!s.ws.item(v)) {
        (void)find_item(s, v);  // throws with a suggestion
      }
    }
  }
  const std::string id = fmt::format("FB-{}", next_number(s, "FB", history));
  std::string file = "feedback/" + date.substr(0, 7) + ".yaml";
  if (!s.files.count(file) && s.files.count(file.substr(0, file.size() - 4) + "yml")) {
    file = file.substr(0, file.size() - 4) + "yml";
  }
  const bool exists = s.files.count(file) > 0;
  std::map<std::string, NewValue> values;
  values["id"] = NewValue::text(id);
  values["date"] = NewValue::plain(date);
  auto put = [&](const char* key, const std::string& v) {
    if (!trim(v).empty()) {
      values[key] = NewValue::text(std::string(trim(v)));
    }
  };
  put("source", spec.source);
  put("customer", spec.customer);
  put("segment", spec.segment);
  if (!trim(spec.arr).empty()) {
    const std::optional<double> arr = parse_money(spec.arr);
    if (!arr || *arr < 0) {
      throw OpError(fmt::format("--arr '{}' is not an amount; write an amount of at least 0, e.g. {}",
                                std::string(trim(spec.arr)), k_money_examples));
    }
    values["arr"] = NewValue::plain(number_exact(*arr));
  }
  put("quote", spec.quote);
  put("summary", spec.summary);
  put("url", spec.url);
  if (auto t = unique_values(spec.tags); !t.empty()) {
    values["tags"] = NewValue::of_list(std::move(t));
  }
  if (auto t = unique_values(spec.items); !t.empty()) {
    values["items"] = NewValue::of_list(std::move(t));
  }
  NewEntries entries;
  for (auto key : k_feedback_order) {
    if (auto it = values.find(std::string(key)); it != values.end()) {
      entries.emplace_back(std::string(key), it->second);
    }
  }
  try {
    YamlText probe = exists ? open_text(s, file) : YamlText("entries:\n");
    TextStyle st = style_for(s, probe, file, FileKind::feedback);
    YamlText y(exists ? s.files.at(file) : "entries:" + st.eol);
    y.append_entry(k_entries, entries, st);
    EditPlan plan;
    plan.id = id;
    add_change(plan, change_of(s, file, y.text()));
    plan.summary = fmt::format("added {} to {}", id, file);
    const std::string who =
      trim(spec.customer).empty() ? std::string(trim(spec.source)) : std::string(trim(spec.customer));
    plan.message = fmt::format("Add {} from {}", id, who);
    return plan;
  } catch (const EditRefused& e) {
    refuse(file, id, e);
  }
}

std::string feedback_file_for(const EditSession& s, const std::string& date)
{
  std::string file = "feedback/" + date.substr(0, 7) + ".yaml";
  if (!s.files.count(file) && s.files.count(file.substr(0, file.size() - 4) + "yml")) {
    file = file.substr(0, file.size() - 4) + "yml";
  }
  return file;
}

std::vector<FileChange>
plan_feedback_appends(const EditSession& s, const std::vector<std::pair<std::string, std::vector<NewEntries>>>& by_file)
{
  std::vector<FileChange> out;
  for (const auto& [file, entries] : by_file) {
    const bool exists = s.files.count(file) > 0;
    try {
      YamlText probe = exists ? open_text(s, file) : YamlText("entries:\n");
      TextStyle st = style_for(s, probe, file, FileKind::feedback);
      YamlText y(exists ? s.files.at(file) : "entries:" + st.eol);
      y.append_entries(k_entries, entries, st);
      out.push_back(change_of(s, file, y.text()));
    } catch (const EditRefused& e) {
      refuse(file, "", e);
    }
  }
  return out;
}

EditPlan plan_feedback_link(const EditSession& s, const std::string& fb, const std::vector<std::string>& items)
{
  const Feedback* entry = nullptr;
  int count = 0;
  std::vector<std::string> ids;
  for (const auto& f : s.ws.feedback) {
    ids.push_back(f.id.value);
    if (f.id.value == fb) {
      entry = entry ? entry : &f;
      ++count;
    }
  }
  if (!entry) {
    if (std::string why = unread_holder(s, fb, FileKind::feedback); !why.empty()) {
      throw OpError(fmt::format("unknown feedback '{}': {}", fb, why));
    }
    throw OpError(fmt::format("unknown feedback '{}'{}", fb, did_you_mean(fb, ids)));
  }
  if (count > 1) {
    throw OpError(fmt::format("{} is defined more than once; fix the duplicate first", fb));
  }
  std::vector<std::string> wanted;
  for (const auto& i : items) {
    for (auto& v : split_values(i)) {
      if (!s.ws.item(v)) {
        (void)find_item(s, v);
      }
      if (!contains(wanted, v)) {
        wanted.push_back(std::move(v));
      }
    }
  }
  if (wanted.empty()) {
    throw OpError("name the items to link, e.g. 'pops feedback link FB-12 PAY-3'");
  }
  YamlText y = open_text(s, entry->file);
  const Path path{std::string(k_entries), find_entry(y, k_entries, fb, entry->file)};
  const TextStyle st = style_for(s, y, entry->file, FileKind::feedback);
  std::vector<std::string> added;
  try {
    const YNode* cur = node_at(y.root(), {std::string(k_entries), std::get<size_t>(path[1]), std::string("items")});
    if (cur && !cur->is_null() && !cur->is_seq()) {
      throw OpError(fmt::format("'items' of {} is not a list; fix it by hand first", fb));
    }
    std::vector<std::string> have = list_texts(cur);
    for (const auto& v : wanted) {
      if (!contains(have, v)) {
        y.list_add(path, "items", {v, true}, st, k_feedback_order);
        have.push_back(v);
        added.push_back(v);
      }
    }
  } catch (const EditRefused& e) {
    refuse(entry->file, fb, e);
  }
  EditPlan plan;
  plan.id = fb;
  add_change(plan, change_of(s, entry->file, y.text()));
  if (plan.empty()) {
    plan.summary = fmt::format("{} links {} already", fb, join(wanted, ", "));
  } else {
    plan.summary = fmt::format("linked {} to {} in {}", fb, join(added, ", "), entry->file);
    plan.message = fmt::format("Link {} to {}", fb, join(added, ", "));
  }
  return plan;
}

}  // namespace pops
