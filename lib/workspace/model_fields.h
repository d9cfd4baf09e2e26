#pragma once
// One field list per struct of model.h: `fields(x, f)` calls f on every member of x, in declaration
// order. The cache's codec (lib/cache/check_cache.cpp) encodes and decodes the model through these
// lists only, so a field cannot be written and forgotten on reading, or the reverse. A member added
// to a struct of model.h and not to its list here fails to compile: each list is checked against the
// struct's number of members (field_count, the aggregate-initialization count also used by
// Boost.PFR).

#include "workspace/model.h"

#include <concepts>
#include <cstddef>
#include <type_traits>
#include <utility>

namespace pops {

namespace model_fields_detail {

/// Converts to any member type; only ever named in unevaluated contexts.
struct AnyMember {
  template <class T> operator T() const;  // NOLINT(google-explicit-constructor): the point of it
};

template <class T, std::size_t... I> constexpr bool initializable(std::index_sequence<I...>)
{
  return requires
  {
    T{(void(I), AnyMember{})...};
  };
}

template <class T, std::size_t N = 0> constexpr std::size_t count_members()
{
  if constexpr (N > 64) {
    return N;  // never reached by the structs of model.h
  } else if constexpr (initializable<T>(std::make_index_sequence<N + 1>{})) {
    return count_members<T, N + 1>();
  } else {
    return N;
  }
}

struct Counter {
  std::size_t n = 0;
  template <class M> void operator()(const M&) { ++n; }
};

}  // namespace model_fields_detail

/// The number of members of the aggregate T.
template <class T> inline constexpr std::size_t field_count = model_fields_detail::count_members<T>();

// The number of arguments of a macro call (up to 40).
#define POPS_NARG(...)                                                                                                 \
  POPS_NARG_(__VA_ARGS__, 40, 39, 38, 37, 36, 35, 34, 33, 32, 31, 30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18,  \
             17, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
#define POPS_NARG_(...) POPS_ARG_N(__VA_ARGS__)
#define POPS_ARG_N(_1, _2, _3, _4, _5, _6, _7, _8, _9, _10, _11, _12, _13, _14, _15, _16, _17, _18, _19, _20, _21,     \
                   _22, _23, _24, _25, _26, _27, _28, _29, _30, _31, _32, _33, _34, _35, _36, _37, _38, _39, _40, N,   \
                   ...)                                                                                                \
  N

#define POPS_MODEL_FIELDS(Type, ...)                                                                                   \
  static_assert(field_count<Type> == POPS_NARG(__VA_ARGS__),                                                           \
                "a member of " #Type " (workspace/model.h) is missing from its list in model_fields.h");               \
  template <class T, class F>                                                                                          \
  requires std::same_as<std::remove_const_t<T>, Type>                                                                  \
  constexpr void fields(T& x, F&& f)                                                                                   \
  {                                                                                                                    \
    __VA_ARGS__;                                                                                                       \
  }

POPS_MODEL_FIELDS(Success, f(x.metric), f(x.target))
POPS_MODEL_FIELDS(Update, f(x.date), f(x.health), f(x.note), f(x.author), f(x.loc))
POPS_MODEL_FIELDS(Item, f(x.file), f(x.loc), f(x.id), f(x.title), f(x.status), f(x.horizon), f(x.squad), f(x.owner),
                  f(x.okr), f(x.description), f(x.dropped_reason), f(x.moved_from), f(x.target), f(x.reopened),
                  f(x.depends_on), f(x.tags), f(x.key_results), f(x.initiative), f(x.updates), f(x.links), f(x.score),
                  f(x.success), f(x.fields), f(x.squad_from_file))
POPS_MODEL_FIELDS(Feedback, f(x.file), f(x.loc), f(x.id), f(x.source), f(x.customer), f(x.segment), f(x.quote),
                  f(x.summary), f(x.url), f(x.date), f(x.arr), f(x.tags), f(x.items))
POPS_MODEL_FIELDS(Customer, f(x.file), f(x.loc), f(x.name), f(x.segment), f(x.owner), f(x.salesforce), f(x.hubspot),
                  f(x.arr), f(x.arr_date), f(x.aliases))
POPS_MODEL_FIELDS(SeriesPoint, f(x.date), f(x.value))
POPS_MODEL_FIELDS(Series, f(x.file), f(x.loc), f(x.source), f(x.key), f(x.metric), f(x.unit), f(x.points))
POPS_MODEL_FIELDS(Heading, f(x.level), f(x.line), f(x.text))
POPS_MODEL_FIELDS(Doc, f(x.file), f(x.has_front_matter), f(x.loc), f(x.title), f(x.type), f(x.owner), f(x.status),
                  f(x.items), f(x.reviewed), f(x.created), f(x.keys), f(x.headings))
// Objectives of pops.yaml (format 1.2): read with the Config, never in a cache part, listed so that each
// member is named here as for every other struct of the model.
POPS_MODEL_FIELDS(KeyResult, f(x.id), f(x.title), f(x.metric), f(x.baseline), f(x.target), f(x.series_source),
                  f(x.series_key), f(x.loc))
POPS_MODEL_FIELDS(Objective, f(x.id), f(x.title), f(x.owner), f(x.period), f(x.key_results), f(x.loc))
POPS_MODEL_FIELDS(Initiative, f(x.id), f(x.title), f(x.owner), f(x.description), f(x.target), f(x.target_date),
                  f(x.updates), f(x.loc))
POPS_MODEL_FIELDS(Action, f(x.loc), f(x.what), f(x.owner), f(x.due), f(x.done))
POPS_MODEL_FIELDS(RitualNote, f(x.file), f(x.folder), f(x.file_date), f(x.loc), f(x.ritual), f(x.date), f(x.attendees),
                  f(x.decisions), f(x.actions), f(x.headings))

#undef POPS_MODEL_FIELDS
#undef POPS_ARG_N
#undef POPS_NARG_
#undef POPS_NARG

/// T has a field list here.
template <class T>
concept has_fields = requires(T& x)
{
  fields(x, model_fields_detail::Counter{});
};

}  // namespace pops
