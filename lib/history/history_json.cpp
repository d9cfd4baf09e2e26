// The JSON of pops log and pops diff (docs/commands.md): commits and their changes.

#include "history/history.h"

#include <nlohmann/json.hpp>

namespace pops {

namespace {

nlohmann::ordered_json str_or_null(const std::string& s)
{
  return s.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s);
}

nlohmann::ordered_json change_json(const Change& c)
{
  nlohmann::ordered_json j;
  j["kind"] = std::string(kind_name(c.kind));
  j["entity"] = c.entity;
  j["id"] = c.id;
  j["squad"] = str_or_null(c.squad);
  j["field"] = str_or_null(c.field);
  j["old"] = str_or_null(c.old_value);
  j["new"] = str_or_null(c.new_value);
  j["title"] = str_or_null(c.title);
  j["file"] = c.file;
  if (c.field == "target" && !c.old_value.empty() && !c.new_value.empty()) {
    j["days"] = c.days;
  }
  if (!c.reason.empty()) {
    j["reason"] = c.reason;
  }
  if (c.kind == Change::Kind::added && !c.status.empty()) {
    j["status"] = c.status;
  }
  if (c.entity == "feedback") {
    j["customer"] = str_or_null(c.customer);
  }
  if (c.entity != "item") {
    j["items"] = c.links;
  }
  return j;
}

std::string dump(const nlohmann::ordered_json& j)
{
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace

std::string render_diff_json(const std::string& from, const std::string& to, const std::string& from_commit,
                             const std::string& to_commit, const std::vector<Change>& changes)
{
  nlohmann::ordered_json j;
  j["from"] = from;
  j["to"] = to;
  j["from_commit"] = str_or_null(from_commit);
  j["to_commit"] = str_or_null(to_commit);
  j["changes"] = nlohmann::ordered_json::array();
  for (const auto& c : changes) {
    j["changes"].push_back(change_json(c));
  }
  return dump(j);
}

std::string render_log_json(const std::vector<HistoryEntry>& entries)
{
  nlohmann::ordered_json j;
  j["commits"] = nlohmann::ordered_json::array();
  for (const auto& e : entries) {
    nlohmann::ordered_json c;
    c["commit"] = e.commit.id;
    c["short"] = e.commit.short_id;
    c["date"] = e.date;
    c["author"] = e.commit.author;
    c["email"] = e.commit.author_email;
    c["summary"] = e.commit.summary;
    c["changes"] = nlohmann::ordered_json::array();
    for (const auto& ch : e.changes) {
      c["changes"].push_back(change_json(ch));
    }
    j["commits"].push_back(std::move(c));
  }
  return dump(j);
}

}  // namespace pops
