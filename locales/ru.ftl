# Counterpart: русский. Числа выбирают форму: 1 балл, 2–4 балла, 5+ баллов.

## Результаты действий

text = { $text }
already-recorded = уже записано: то же действие отправлено дважды
program-published = программа «{ $program }» опубликована, версия { $version }
enrolled = зарегистрирован с картой { $card }
card-code = QR-код карты: { $code }
typed-code = код карты: { $code }
card-replaced = новая карта { $new }; карта { $old } больше не действует
plan-sold = абонемент «{ $plan }» продан за { $price }: действует с { $starts } по { $ends }
profile-updated = профиль обновлён
merged = { $from } объединён с { $into }
erased = личные данные удалены; балансы и история остаются, обезличенные
voided = аннулировано { $kind } { $event }: { $reason }
undone = { $what } — отменено
tier-changed = уровень: { $before } → { $after }
tier-lost = уровень: { $before } → без уровня
tier-reached = уровень: без уровня → { $after }

## Что даёт визит

earn-points = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } ({ $earn } { $earn ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за каждые { $per })
earn-points-boosted = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } ({ $earn } { $earn ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за каждые { $per }, { $boosts })
# One multiplier of a visit: its sign and the offer's or the tier's name ("×2 before 9:00").
boost = { $times } { $name }
# Several multipliers, the first and the rest.
boost-list = { $first }, { $rest }
no-points-minimum = без баллов: минимальная сумма { $minimum }
grant-points = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }: { $label }
grant-reward = открыта награда «{ $reward }» ({ $label })
grant-credit = +{ $amount } к оплате: { $label }
label-offer = { $offer }
label-winback = { $offer } ({ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    } без визитов)
label-product = { $offer } ×{ $quantity }
label-milestone = всего потрачено { $spent }
offer-now-multiplier = баллы { $times }: { $offer }
offer-now-coupon = купон { $code }: { $what }
coupon-used = купон { $code } использован
birthday-given = акция «{ $offer }»: выдано за { $year } год
stamp-one = штамп { $stamp } из { $of } на карте «{ $card }»
stamp-many = +{ $stamps } { $stamps ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    } на карте «{ $card }»: { $now } из { $of }
stamp-limit = без штампа на карте «{ $card }»: не больше { $max } в день
card-full = карта «{ $card }» заполнена: перенесено { $carried } { $carried ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    }
card-reward = открыта награда «{ $reward }» за заполненную карту «{ $card }»
earn-cashback = +{ $amount } кешбэка ({ $percent } %)

## Награды и корректировки

redeem-voucher = награда «{ $reward }» выдана по ваучеру
redeem-plan-day = награда «{ $reward }» по абонементу «{ $plan }»: { $used } из { $allowance } сегодня
redeem-plan-week = награда «{ $reward }» по абонементу «{ $plan }»: { $used } из { $allowance } на этой неделе
redeem-points = -{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за награду «{ $reward }»
redeem-cashback = -{ $amount } кешбэка за награду «{ $reward }»
redeem-once = награда «{ $reward }» выдана (один раз на клиента)
cashback-spent = потрачено { $amount } кешбэка
donated = -{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } пожертвовано: { $cause }
adjusted = корректировка управляющего: { $amount } { $account } ({ $reason })
adjusted-money = корректировка управляющего: { $amount } { $account } ({ $reason })

## Балансы

balance-points = { $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
balance-points-expired = { $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } ({ $expired } сгорело)
balance-stamps = { $stamps } из { $of } на карте «{ $card }»
balance-stamps-retired = { $stamps } { $stamps ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    } на карте «{ $card }»
balance-cashback = { $amount } кешбэка
balance-vouchers = { $count } × { $reward }

## Конфликты между кассами

conflict-card-taken = карта { $card } раньше выдана на другой кассе клиенту { $other } и остаётся у него: выдайте этому клиенту новую карту
conflict-below-zero = { $account } равно { $amount }: списано или скорректировано больше, чем было у клиента
conflict-merge-overruled = объединение { $from } с { $into } отменено: другая касса раньше объединила эти записи наоборот, остаётся { $remains }
conflict-merge-joined = { $from } объединён с { $into } и с другой записью на другой кассе: теперь это одна запись, { $remains }
conflict-overdrawn = { $event } увело { $balances } ниже нуля: кассы офлайн потратили один и тот же баланс


## Персонал

staff-added = в персонал добавлен(а) { $name }, роль: { $role }
staff-role-changed = { $name }: новая роль — { $role }
staff-pin-changed = PIN-код изменён: { $name }
staff-removed = { $name } удалён(а) из персонала
staff-key-set = { $name } теперь подписывает свои действия PIN-кодом
role-barista = бариста
role-manager = управляющий


## Отказы

refused-not-enough = недостаточно: { $account }; награда требует { $needed }, у клиента { $available }
refused-not-enough-points = не хватает { $missing } { $missing ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    }: награда стоит { $needed }, у клиента { $available }
refused-not-enough-cashback = не хватает { $missing } кешбэка: награда стоит { $needed }, у клиента { $available }
account-points = баллы
account-cashback = кешбэк
account-other = { $account }
refused-not-available = Награда «{ $reward }» недоступна: { $why }
refused-coupon-not-available = Купон { $code } недоступен: { $why }
refused-redemption-not-available = Сейчас это списание невозможно: { $why }
why-not-on-this-date = не предлагается в этот день
why-needs-tier = нужен уровень «{ $tier }»; у клиента уровень «{ $held }»
why-needs-tier-none = нужен уровень «{ $tier }»; у клиента нет уровня
why-once-per-customer = можно получить один раз на клиента, и уже получено
why-no-voucher = у клиента нет ваучера на это
why-coupon-not-running = сейчас не действует или не для этого клиента
why-coupon-used = этот клиент уже использовал его { $uses } { $uses ->
        [one] раз
        [few] раза
        [many] раз
       *[other] раза
    }
why-coupon-all-used = все его использования исчерпаны
why-offline-allowance = эта касса не синхронизировалась { $hours } { $hours ->
        [one] час
        [few] часа
        [many] часов
       *[other] часа
    }; до синхронизации клиент может списать здесь не более { $max } { $max ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    } (уже { $spent })
why-offline-allowance-clock = часы этой кассы отстают от времени её последней синхронизации, поэтому неизвестно, как долго она без связи; до синхронизации клиент может списать здесь не более { $max } { $max ->
        [one] балла
        [few] баллов
        [many] баллов
       *[other] балла
    } (уже { $spent })
offline-since = эта касса не синхронизировалась { $hours } { $hours ->
        [one] час
        [few] часа
        [many] часов
       *[other] часа
    }
offline-clock-behind = часы этой кассы отстают от времени её последней синхронизации, поэтому неизвестно, как долго она без связи
offline-limit-cashback = { $since }; до синхронизации клиент может потратить здесь не более { $max } кешбэка (уже { $spent })
offline-limit-vouchers = { $since }; до синхронизации клиент может использовать здесь не более { $max } { $max ->
        [one] ваучера
        [few] ваучеров
        [many] ваучеров
       *[other] ваучера
    } (уже { $spent })
refused-cannot-void = нельзя аннулировать: { $why }
why-voided-already = уже аннулировано событием { $event }
why-not-voidable = событие { $kind } нельзя аннулировать; только визиты, выдачи наград, корректировки и пожертвования
refused-customer-closed = эта запись клиента закрыта: { $why }
why-erased = его личные данные удалены по его просьбе
refused-below-zero = баланс { $account } станет { $after }: { $why }. Управляющий может подтвердить; баланс тогда будет отрицательным и отмеченным
why-spent-since = то, что дало отменённое событие, уже потрачено
why-has-less = у клиента меньше
why-nothing-to-undo = на этой кассе нет ваших действий для отмены
why-undo-too-late = ваше последнее действие было более 2 минут назад: управляющий может его аннулировать
refused-no-program = программа лояльности ещё не опубликована: опубликуйте её командой `counterpart program publish ФАЙЛ`
auth-sign-in-required = сначала войдите: у этой кассы есть персонал
auth-forbidden = роль { $role } этого не позволяет: обратитесь к управляющему
auth-wrong-pin = неверный PIN-код ({ $name }): осталось { $left } { $left ->
        [one] попытка
        [few] попытки
        [many] попыток
       *[other] попытки
    } до блокировки на 5 минут
auth-locked-out = { $name }: 5 неверных PIN-кодов, блокировка на этой кассе до { $until }
auth-signed-out-idle = { $name }: выход из системы после { $minutes } { $minutes ->
        [one] минуты
        [few] минут
        [many] минут
       *[other] минуты
    } без работы с кассой; войдите снова

## Слова командной строки

cli-tier = уровень
cli-visits = визиты: { $visits }, последний { $last }
cli-never = никогда
cli-conflict = конфликт
cli-can-redeem = можно получить сейчас
cli-not-yet = пока нельзя
cli-runs-open = эта касса открыта: в персонале никого нет, любой может всё (добавьте управляющего: `counterpart staff add ИМЯ --role manager`)

## Отчёты (командной строки, а позже и экранов)

report-close-title = Закрытие дня { $day } ({ $hours } ч, { $currency })
report-close-visits = Визиты: { $visits } · обслужено участников: { $customers } · новых участников: { $enrolments }
report-close-sales = Продажи участникам: { $sales } · средний чек: { $average }
report-close-points = Начислено баллов: { $issued } · списано: { $redeemed }
report-close-stamps = Выдано штампов: { $issued } · обменяно на награды: { $redeemed }
report-close-cashback = Начислено кешбэка: { $issued } · потрачено: { $spent }
report-close-rewards = Выданные награды:
report-close-reward = { $reward }: { $count }
report-close-by-hour = По часам:
report-close-hour = { $hour }:00 · визиты: { $visits } · продажи: { $sales }
report-close-by-staff = По сотрудникам:
report-close-staff = { $name } · визиты: { $visits } · продажи: { $sales } · начислено баллов: { $points } · награды: { $redeemed }
report-close-nobody = (никто не вошёл)
report-close-voids = Отмены:
report-close-void = { $at } · { $by } отменил(а) { $target }: { $reason }
report-close-adjustments = Корректировки:
report-close-adjustment = { $at } · { $by } изменил(а) { $account } на { $amount } для { $customer }: { $reason }
report-close-conflicts = Награды, оказавшиеся после синхронизации сверх остатка: { $count }
report-close-unusual = Клиент { $customer }: { $actions } действий по программе за день (больше { $limit })
report-close-last-sync = Включает события всех касс до последней синхронизации этой кассы: { $at }
report-close-never-synced = Эта касса ни разу не синхронизировалась: в закрытии только её собственные события.
report-never-synced = Эта касса ни разу не синхронизировалась: в отчёте только её собственные события.

## Показатели: названия и определения (командная строка, экраны, файлы)

kpi-repeat-customer-rate = Доля постоянных клиентов
kpi-repeat-customer-rate-definition = Клиенты, пришедшие за период два раза и больше ÷ клиенты, пришедшие за период.
kpi-retention = Удержание
kpi-retention-definition = Из клиентов, приходивших в предыдущий период, доля тех, кто пришёл и в этот.
kpi-visit-frequency = Частота визитов
kpi-visit-frequency-definition = Визиты за период ÷ клиенты, пришедшие за период.
kpi-average-check = Средний чек участника
kpi-average-check-definition = Продажи участникам ÷ визиты за период (без аннулированных), с округлением до копейки.
kpi-redemption-rate = Доля списанных баллов
kpi-redemption-rate-definition = Списанные баллы (награды и пожертвования) ÷ начисленные баллы (визиты и приветственные бонусы) за период.
kpi-redemption-value = Доля списанного (в деньгах)
kpi-redemption-value-definition = Стоимость по меню списанных баллов, штампов и кешбэка ÷ стоимость начисленных за период: каждая единица — по ценам меню наград, которые за неё можно получить, кешбэк — по номиналу. Баланс, у наград которого нет цены в меню, не учитывается.
kpi-breakage = Сгоревшие баллы
kpi-breakage-definition = Из баллов, судьба которых решилась за период (списаны или сгорели неиспользованными), доля сгоревших. Что ещё не использовано, показывает отчёт об обязательствах.
kpi-breakage-no-expiry = В этой программе баллы не сгорают, поэтому ничего не теряется.
kpi-breakage-counting = Считаем…
kpi-enrolment-rate = Доля новых участников
kpi-enrolment-rate-definition = Новые участники ÷ обслуженные участники (пришедшие или вступившие) за период.
kpi-clv-historical = Пожизненная ценность клиента (фактическая)
kpi-clv-historical-definition = Сколько в среднем потратили с момента вступления, к последнему дню периода, клиенты, приходившие в этом периоде (без отменённых визитов).
kpi-clv-predicted = Ценность клиента (прогноз)
kpi-clv-predicted-definition = Оценка: средний чек × визиты на клиента за период × число периодов, которое клиент обычно остаётся, 1 ÷ (1 − удержание), не больше пяти лет.
report-kpis-title = Показатели с { $from } по { $to } ({ $days } { $days ->
        [one] день
        [few] дня
        [many] дней
       *[other] дня
    }), в сравнении с периодом с { $previousFrom } по { $previousTo }
report-kpis-line = { $name }: { $value } (ранее: { $previous })
report-cohort-line = { $month }: клиенты { $customers }; по месяцам: { $shares }
report-kpis-nothing = н/д

## Таблицы отчётов: заголовки, названия столбцов и слова в ячейках (экраны и файлы CSV)

report-table-close-summary = День в цифрах
report-table-close-by-hour = По часам
report-table-close-by-staff = По сотрудникам
report-table-close-rewards = Выданные награды
report-table-close-voids = Аннулирования
report-table-close-adjustments = Корректировки
report-table-close-unusual = Необычная активность
report-table-close-unusual-own-customers = Награды клиентам, которых записал тот же сотрудник
report-table-close-unusual-points = Баллы намного выше доли визитов
report-column-on-the-day = В тот день
report-column-window-days = За дней
report-column-points-share = Доля баллов дня
report-column-visits-share = Доля визитов дня
report-column-share-limit = Обычно не больше, от доли визитов
report-close-unusual-own = { $staff }: { $redemptions ->
    [one] { $redemptions } награда
    [few] { $redemptions } награды
    [many] { $redemptions } наград
   *[other] { $redemptions } награды
} за { $days } дней клиенту { $customer }, которого записал тот же сотрудник; в тот день: { $today } (больше { $limit })
report-close-unusual-points = { $staff }: { $points ->
    [one] { $points } балл
    [few] { $points } балла
    [many] { $points } баллов
   *[other] { $points } балла
} — { $pointsShare } баллов дня — при { $visitsShare } визитов дня (больше { $limit } этой доли)
report-column-measure = Показатель
report-column-value = Значение
report-column-hour = Час
report-column-visits = Визиты
report-column-sales = Продажи
report-column-staff = Сотрудник
report-column-points-issued = Начислено баллов
report-column-redemptions = Выдано наград
report-column-reward = Награда
report-column-count = Сколько раз
report-column-time = Время
report-column-by = Кто
report-column-customer = Клиент
report-column-reason = Причина
report-column-account = Баланс
report-column-amount = Изменение
report-column-actions = Действия по программе
report-column-limit = Обычно не больше
report-measure-visits = Визиты
report-measure-customers = Обслужено участников
report-measure-enrolments = Новые участники
report-measure-sales = Продажи участникам
report-measure-average-check = Средний чек
report-measure-points-issued = Начислено баллов
report-measure-points-redeemed = Списано баллов
report-measure-stamps-issued = Начислено штампов
report-measure-stamps-redeemed = Штампы, обменянные на награды
report-measure-cashback-issued = Начислен кешбэк
report-measure-cashback-spent = Потрачен кешбэк
report-measure-voids = Аннулирования
report-measure-adjustments = Корректировки
report-measure-conflicts = Награды без покрытия баланса
report-cell-nobody = (никто не вошёл)
report-cell-no-name = (без имени)
report-table-kpis = Показатели
report-table-kpis-by-day = По дням
report-table-kpis-goals = Цели
report-table-kpis-goal-trend = Цели, замер за замером
report-table-kpis-rewards = Популярность наград
report-table-kpis-cohorts = Удержание по месячным когортам
report-column-goal = Цель
report-column-baseline = До начала
report-column-target = Целевое значение
report-column-current = Сейчас
report-column-projected = По тренду к сроку
report-column-goal-by = Срок
report-column-status = Положение
report-goal-not-started = Ещё не началась
report-goal-no-baseline = Нет исходного значения
report-goal-no-data = Недостаточно данных
report-goal-reached = Достигнута
report-goal-on-track = Идём по плану
report-goal-behind = Отстаём
report-goal-too-early = Пока рано судить
report-goal-met = Выполнена
report-goal-missed = Не выполнена
report-goal-line = Цель «{ $name }» ({ $kpi }): { $status }. Сейчас { $current }, цель { $target } к { $by }.
ui-goals-title = Цели
ui-goals-counting = Считаю цели…
ui-goals-none = Целей пока нет. Цель задаётся в программе ([[goals]]): показатель, целевое значение и срок.
ui-rewards-none = В программе пока нет наград, и за эти два периода ничего не списано.
ui-rewards-counting = Считаем списания наград…
ui-cohorts-counting = Считаем когорты…
ui-cohorts-explain = Каждая строка — клиенты, присоединившиеся в одном месяце; каждый столбец — доля из них, пришедших через столько месяцев (0 — месяц присоединения). Текущий месяц учитывается по сегодняшний день.
ui-cohorts-none = За последние двенадцать месяцев никто не присоединился.
ui-cohorts-months-since = Месяцев после присоединения
ui-goal-target = Цель: { $target } к { $by }
ui-goal-change = { $change } к { $baseline } — значению за { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} до { $starts }
ui-goal-change-no-baseline = { $change } к значению до { $starts }, которое неизвестно
ui-goal-current = Сейчас: { $value }
ui-goal-projected = По этому тренду: { $value } к { $by }
ui-goal-window = Каждый замер охватывает { $days ->
    [one] { $days } день
    [few] { $days } дня
    [many] { $days } дней
   *[other] { $days } дня
} до своей даты.
ui-goal-chart = { $kpi }: замер за замером и цель
ui-goal-chart-target = Цель
ui-report-export-goals = Экспорт целей в CSV
ui-report-export-goal-trend = Экспорт замеров в CSV
report-column-kpi = Показатель
report-column-previous = Предыдущий период
report-column-cohort = Присоединились в
report-column-joined = Клиенты
report-column-month-0 = Месяц 0
report-column-month-1 = Месяц 1
report-column-month-2 = Месяц 2
report-column-month-3 = Месяц 3
report-column-month-4 = Месяц 4
report-column-month-5 = Месяц 5
report-column-month-6 = Месяц 6
report-column-month-7 = Месяц 7
report-column-month-8 = Месяц 8
report-column-month-9 = Месяц 9
report-column-month-10 = Месяц 10
report-column-month-11 = Месяц 11
report-column-definition = Определение
report-column-day = Рабочий день
report-column-points-redeemed = Списано баллов
report-column-enrolments = Новые участники
report-table-liability = Неиспользованные остатки в деньгах
report-table-liability-ages = Неиспользованные остатки по давности
report-table-liability-redemption = Как клиенты используют остатки
report-column-balance-kind = Вид
report-column-balance = Карта или награда
report-column-outstanding = Не использовано
report-column-customers = Клиентов с остатком
report-column-issued = Начислено
report-column-redeemed = Использовано
report-column-expired = Сгорело
report-column-redemption-rate = Доля использования
report-column-redemption-probability = Вероятность использования
report-column-face-value = Номинальная стоимость
report-column-expected-cost = Ожидаемые затраты
report-column-deferral = Отложенная выручка (МСФО 15)
report-column-age-0-30 = 0–30 дней
report-column-age-31-90 = 31–90 дней
report-column-age-91-180 = 91–180 дней
report-column-age-181-365 = 181–365 дней
report-column-age-over-365 = Больше 365 дней
report-balance-points = Баллы
report-balance-stamps = Штампы
report-balance-cashback = Кешбэк
report-balance-voucher = Ваучеры
report-cell-no-cost = себестоимость не указана
report-cell-no-price = цена не указана
report-cell-no-history = ещё ничего не начислено
report-cell-total = Итого
liability-face-value-definition = Неиспользованные единицы по ценам наград в меню: то, что клиенты могли бы получить, если бы использовали всё.
liability-expected-cost-definition = Неиспользованные единицы по себестоимости наград для заведения, умноженные на его собственную долю использования (использовано ÷ начислено, за всё время).
liability-deferral-definition = Номинальная стоимость, умноженная на вероятность того, что единица когда-нибудь будет использована (среди использованных или сгоревших единиц — доля использованных; пока ничего не сгорело — доля использования): отложенная выручка по МСФО 15.
report-liability-title = Неиспользованные остатки на { $day } (каждое значение — оценка)
report-liability-line = { $balance }: не использовано { $outstanding }, клиентов: { $customers } · номинальная стоимость { $face } · ожидаемые затраты { $cost } · отложенная выручка { $deferral }
report-liability-total = Итого: номинальная стоимость { $face } · ожидаемые затраты { $cost } · отложенная выручка { $deferral }
report-liability-partial = В итог не вошёл остаток, который нельзя оценить, поэтому итог — не меньше указанного.
report-liability-no-cost = себестоимость не указана для: { $rewards } (shop_cost в программе)
report-liability-no-price = цена не указана для: { $rewards } (menu_price в программе)
report-liability-nothing = Неиспользованных остатков нет.
report-table-segments = Клиенты по сегментам
report-table-segments-over-time = Сегменты на конец каждого месяца
report-table-segments-scores = Что сегодня означает каждая оценка
report-table-segments-moves = Клиенты, которых переместят предлагаемые правила
report-table-at-risk = Под угрозой ухода: клиенты, которых стоит вернуть
report-column-segment = Сегмент
report-column-segment-customers = Клиенты
report-column-share = Доля
report-column-segment-new = Новые
report-column-segment-occasional = Случайные
report-column-segment-regular = Постоянные
report-column-segment-high-value = Самые ценные
report-column-segment-at-risk = Под угрозой ухода
report-column-segment-lapsed = Ушедшие
report-column-score = Оценка
report-column-days-since-from = Дней с последнего визита, от
report-column-days-since-to = Дней с последнего визита, до
report-column-visits-from = Визиты, от
report-column-visits-to = Визиты, до
report-column-spend-from = Траты, от
report-column-spend-to = Траты, до
report-column-from-segment = Из сегмента
report-column-to-segment = В сегмент
report-column-last-visit = Последний визит
report-column-days-since = Дней с него
report-column-usual-gap = Обычный перерыв (дней)
report-column-visits-year = Визиты (365 дней)
report-column-spend-year = Траты (365 дней)
report-column-points = Баллы
report-column-stamps = Штампы
report-column-cashback = Кешбэк
report-column-consent = Согласие на связь
report-column-phone = Телефон
report-column-email = Эл. почта
report-segment-new = Новые
report-segment-occasional = Случайные
report-segment-regular = Постоянные
report-segment-high-value = Самые ценные
report-segment-at-risk = Под угрозой ухода
report-segment-lapsed = Ушедшие
report-cell-none = —
report-cell-yes = да
report-cell-no = нет
segment-new-definition = Не больше одного визита, зарегистрированы за последние { $days } дн.
segment-occasional-definition = Заходят время от времени: один визит и зарегистрированы раньше; или больше визитов, но без частоты постоянного клиента и без трат самого ценного.
segment-regular-definition = Оценка частоты { $score } или выше.
segment-high-value-definition = Оценка трат { $score } или выше.
segment-at-risk-definition = Постоянный или самый ценный клиент с оценкой давности { $score } или ниже: в последнее время не приходит.
segment-lapsed-definition = Нет визитов больше { $days } дн.
segments-method = Клиенты с двумя визитами и больше получают оценки от 1 до 5 относительно друг друга, по квинтилям (каждая оценка — пятая часть клиентов): давность (дней с последнего визита, чем меньше, тем лучше), частота (визиты) и траты, обе за последние 365 дней. Клиенты с одним визитом и ушедшие не оцениваются.
report-segments-title = Сегменты на { $day }: { $customers ->
        [one] { $customers } клиент
        [few] { $customers } клиента
        [many] { $customers } клиентов
       *[other] { $customers } клиента
    }
report-segments-line = { $segment }: { $customers } ({ $share }) · { $definition }
report-segments-preview = Предлагаемые правила, ещё не сохранены: { $moved ->
        [one] { $moved } клиент сменит сегмент
        [few] { $moved } клиента сменят сегмент
        [many] { $moved } клиентов сменят сегмент
       *[other] { $moved } клиента сменят сегмент
    }.
report-segments-move = { $from } → { $to }: { $customers }
report-segments-at-risk-title = Под угрозой ухода, сначала те, кто тратит больше ({ $customers }):
report-segments-at-risk-none = Под угрозой ухода никого нет.
report-segments-at-risk-line = { $name }: последний визит { $day }, дней назад: { $days }, обычно раз в { $gap } дн.; визитов: { $visits }, траты: { $spend } за 365 дней; { $contact }
report-segments-no-consent = нет согласия на связь
report-segments-kept = Правила сегментов сохранены на этой кассе.
report-table-offers = Акции в сравнении с контрольными группами
report-table-offers-uplift = Что каждая акция изменила на одного клиента
report-column-offer = Акция
report-column-offer-from = Первый день
report-column-offer-to = Последний день
report-column-group = Группа
report-column-group-customers = Клиенты
report-column-visits-per-customer = Визитов на клиента
report-column-spend-per-customer = Покупки на клиента
report-column-uplift = Разница
report-column-uplift-low = 95% интервал, от
report-column-uplift-high = 95% интервал, до
report-column-uplift-relative = Разница относительно контрольной группы
report-offer-group-exposed = С акцией
report-offer-group-held-out = Контрольная группа
report-measure-visits-per-customer = Визитов на клиента
report-measure-spend-per-customer = Покупки на клиента
report-cell-not-enough-data = пока мало данных
offers-method = Каждая акция оставляет без себя часть клиентов, для которых она предназначена; их выбирают по акции и клиенту, так что все кассы выбирают одних и тех же, и они никогда её не получают. Обе группы сравниваются за прошедшие дни акции, считая всех, пришли они или нет. Разница — группа с акцией минус контрольная группа, на одного клиента, с 95% интервалом (нормальное приближение, Уэлч).
offers-minimum = Разница показывается, когда в каждой группе не меньше { $customers } клиентов, а акция идёт не меньше { $days } дней.
report-offers-title = Акции с контрольной группой на { $day }:
report-offers-none = Ни у одной акции нет контрольной группы: задайте акции holdout_percent в программе, чтобы измерить, что она меняет.
report-offers-offer = { $offer }: { $percent }% в контрольной группе, с { $from } по { $to } ({ $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }){ $running }
report-offers-running = , ещё идёт
report-offers-group = { $group }: { $customers ->
        [one] { $customers } клиент
        [few] { $customers } клиента
        [many] { $customers } клиентов
       *[other] { $customers } клиента
    }, визитов: { $visits } ({ $visits_each } на клиента), { $spend } ({ $spend_each } на клиента)
report-offers-uplift-visits = Разница визитов на клиента: { $difference } (95% интервал от { $low } до { $high })
report-offers-uplift-spend = Разница покупок на клиента: { $difference } (95% интервал от { $low } до { $high })
report-offers-not-enough = Пока мало данных: в каждой группе нужно { $customers } клиентов, а акции — { $days } дней.
report-pdf-made = Составлено { $day } в { $time }
report-pdf-page = Страница { $page } из { $pages }
report-pdf-empty = Записей нет.
report-pdf-segments-proposed = По предлагаемым правилам, не сохранённым на этой кассе.
report-pdf-saved = Сохранено в PDF: { $path }
ui-reports = Отчёты
ui-report-close-title = Закрытие дня
ui-report-previous = Предыдущий день
ui-report-next = Следующий день
ui-report-pick-day = Перейти к дню
ui-report-today = Сегодня, на данный момент
ui-report-hours = Этот день длился { $hours ->
        [one] { $hours } час
        [few] { $hours } часа
        [many] { $hours } часов
       *[other] { $hours } часа
    } из-за перевода часов.
ui-report-counting = Подсчёт событий за день…
ui-report-chart-by-hour = Визиты по часам (местное время)
ui-report-no-visits = В этот день визитов не было.
ui-report-empty = За этот день ничего нет.
ui-report-export = Экспорт в CSV
ui-report-export-pdf = Сохранить в PDF
ui-report-saving-pdf = Сохранение PDF…
ui-report-exported = Сохранено: { $path }
ui-report-export-failed = Не сохранено: { $reason }
ui-report-attention = { $table }: { $count ->
        [one] { $count } строка
        [few] { $count } строки
        [many] { $count } строк
       *[other] { $count } строки
    } — стоит проверить
ui-report-attention-close-unusual = { $count ->
        [one] { $count } клиент совершил
        [few] { $count } клиента совершили
        [many] { $count } клиентов совершили
       *[other] { $count } клиента совершили
    } за этот день больше действий по программе, чем обычно.
ui-report-tab-kpis = Показатели
ui-report-pick-period = Период
ui-report-preset = { $days ->
        [one] Последний { $days } день
        [few] Последние { $days } дня
        [many] Последние { $days } дней
       *[other] Последние { $days } дня
    }
ui-report-from = С
ui-report-to = По
ui-report-period-days = { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
ui-report-compared-with = по сравнению с периодом { $period }
ui-report-counting-period = Подсчёт событий за период…
ui-report-chart-visits-by-day = Визиты по дням
ui-report-chart-points-by-day = Начисленные и списанные баллы по дням
ui-report-no-visits-period = За этот период визитов не было.
ui-kpi-previous = Прошлый период: { $value }
ui-report-export-kpis = Экспорт показателей в CSV
ui-report-export-kpis-by-day = Экспорт дней в CSV
ui-report-export-kpis-rewards = Экспорт популярности наград в CSV
ui-report-export-cohorts = Экспорт когорт в CSV
ui-report-tab-liability = Обязательства
ui-report-liability-as-of = Не использовано на { $day }
ui-report-liability-estimates = Каждое значение здесь — оценка по себестоимости и ценам наград из программы.
ui-report-counting-liability = Оцениваю неиспользованные остатки…
ui-report-chart-liability-ages = Номинальная стоимость остатков по давности
ui-report-liability-partial = Не меньше: { $why }
ui-report-liability-refresh = Пересчитать
ui-report-tab-segments = Сегменты
ui-report-segments-as-of = Клиенты на { $day }
ui-report-segments-customers = { $customers ->
        [one] Всего { $customers } клиент
        [few] Всего { $customers } клиента
        [many] Всего { $customers } клиентов
       *[other] Всего { $customers } клиента
    }
ui-report-segments-refresh = Пересчитать
ui-report-counting-segments = Клиенты распределяются по сегментам…
ui-report-chart-segments-over-time = Клиенты в каждом сегменте на конец каждого месяца и сегодня
ui-report-segments-nobody = Клиентов пока нет.
ui-report-export-segments = Выгрузить сегменты в CSV
ui-report-export-segments-over-time = Выгрузить месяцы в CSV
ui-report-at-risk-listed = Показаны первые { $listed } из { $total } клиентов под угрозой ухода; в выгруженном файле — все.
ui-segments-rules = Правила сегментов
ui-segments-rules-about = Посмотрите, сколько клиентов сменят сегмент по новым правилам, и сохраните их на этой кассе.
ui-segments-new-days = Новый в течение (дней)
ui-segments-lapsed-days = Ушедший после (дней без визита)
ui-segments-at-risk-recency = Под угрозой: оценка давности не выше
ui-segments-regular-frequency = Постоянный: оценка частоты не ниже
ui-segments-high-value-spend = Самый ценный: оценка трат не ниже
ui-segments-preview = Посмотреть
ui-segments-keep = Сохранить эти правила
ui-segments-discard = Вернуться к сохранённым правилам
ui-segments-previewing = Предпросмотр, ещё не сохранён: { $moved ->
        [one] { $moved } клиент сменит сегмент.
        [few] { $moved } клиента сменят сегмент.
        [many] { $moved } клиентов сменят сегмент.
       *[other] { $moved } клиента сменят сегмент.
    }
ui-segments-kept = Правила сохранены на этой кассе.
ui-report-tab-offers = Акции
ui-report-offers-as-of = Акции на { $day }
ui-report-offers-refresh = Пересчитать
ui-report-counting-offers = Сравниваем каждую акцию с её контрольной группой…
ui-report-offers-none = Пока ни у одной акции нет контрольной группы. Задайте акции в программе долю контрольной группы, чтобы измерить, что она меняет.
ui-report-offer-dates = { $from } – { $to } · { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
ui-report-offer-held-out = { $percent }% клиентов в контрольной группе
ui-report-offer-running = Ещё идёт
ui-report-offer-ended = Закончилась
ui-report-offer-customers = { $customers ->
        [one] { $customers } клиент
        [few] { $customers } клиента
        [many] { $customers } клиентов
       *[other] { $customers } клиента
    }
ui-report-offer-visits-each = { $visits } визита на клиента
ui-report-offer-spend-each = { $spend } на клиента
ui-report-offer-change-visits = Визитов на клиента
ui-report-offer-change-spend = Покупки на клиента
ui-report-offer-interval = 95% интервал: от { $low } до { $high }
ui-report-offer-relative = { $change } относительно контрольной группы
ui-report-offer-not-enough = Пока мало данных: в каждой группе нужно { $customers } клиентов, а акции — { $days } дней.
ui-report-offer-no-difference = Интервал включает отсутствие разницы: возможно, акция ничего не изменила.
ui-report-export-offers = Экспортировать группы в CSV
ui-report-export-offers-uplift = Экспортировать разницу в CSV
ui-error-invalid-new-days = Клиент считается новым от 1 до 365 дней.
ui-error-invalid-lapsed-days = Клиент считается ушедшим после 14–730 дней без визита, и это больше, чем срок, пока он новый.
ui-error-invalid-at-risk-recency = Выберите оценку от 1 до 5.
ui-error-invalid-regular-frequency = Выберите оценку от 1 до 5.
ui-error-invalid-high-value-spend = Выберите оценку от 1 до 5.
ui-kpi-previous-none = Прошлый период: — (мало данных)
ui-kpi-no-data = недостаточно данных
ui-kpi-change-points = { $change } п. п.
ui-kpi-change-up = Выше, чем в прошлый период
ui-kpi-change-down = Ниже, чем в прошлый период
ui-kpi-change-same = Как в прошлый период
ui-error-invalid-from = Проверьте первый день периода: дата вида 2026-12-05, не позже последнего дня.
ui-error-invalid-to = Проверьте последний день периода: дата вида 2026-12-05, не раньше первого дня и не позже чем через десять лет после него.

## Экраны кассового приложения (ui/)

ui-loading = Открываем кассу…
ui-back = Назад
ui-cancel = Отмена
ui-confirm = Да
ui-close = Закрыть
ui-retry = Повторить
ui-key-enter = Ввод
ui-key-escape = Esc
ui-key-function = F{ $number }
ui-language = Язык
ui-settings = Настройки
ui-first-run-title = Добро пожаловать в Counterpart
ui-first-run-set-up = Открыть новое заведение
ui-first-run-set-up-hint = Эта касса станет первой в заведении: название, валюта, программа лояльности, первый управляющий.
ui-first-run-join = Присоединиться к заведению
ui-first-run-join-hint = Заведение уже есть: привяжите эту кассу кодом от управляющего.
ui-shop-name = Название заведения
ui-currency = Валюта
ui-timezone = Часовой пояс
ui-day-starts-at = Рабочий день начинается в
ui-program = Программа лояльности для начала
ui-first-manager = Первый управляющий
ui-with-staff = Сотрудники входят по PIN-коду
ui-manager-name = Имя управляющего
ui-pin = PIN-код
ui-pin-again = Повторите PIN-код
ui-pin-rule = PIN-код управляющего — от 6 до 12 цифр; не используйте 123456 и подобные.
ui-pins-differ = PIN-коды не совпадают.
ui-runs-open-hint = Без сотрудников любой за этой кассой может делать всё. Управляющего можно добавить позже.
ui-set-up-submit = Открыть заведение
ui-join-hint = Введите код привязки, который показывает управляющий, или поднесите его QR-код к камере.
ui-pairing-code = Код привязки
ui-server = Адрес сервера
ui-till-name = Название этой кассы
ui-join-submit = Привязать кассу
ui-sign-in-who = Кто за кассой?
ui-sign-in-choose = Выберите своё имя.
ui-sign-in-pin = PIN-код ({ $name })
ui-sign-in-submit = Войти
ui-sign-in-catching-up = Загружаем сотрудников заведения с сервера… после привязки это занимает немного времени.
ui-sign-in-signed-out-idle = Выполнен выход ({ $name }): касса долго не использовалась.
ui-role-barista = Бариста
ui-role-manager = Управляющий
ui-staff = Сотрудники
ui-staff-open-runs-open = Добавить сотрудников — касса открыта: любой может делать всё
ui-staff-runs-open = Сотрудников пока нет: любой за этой кассой может делать всё. Сначала добавьте управляющего; после этого все входят по своему PIN-коду.
ui-staff-loading = Загружаем список сотрудников…
ui-staff-you = вход выполнен здесь
ui-staff-add = Добавить сотрудника
ui-staff-name = Имя
ui-staff-role = Роль
ui-staff-pin-rule = PIN-код баристы — от 4 до 12 цифр, управляющего — от 6 до 12.
ui-staff-role-pin-hint = Для роли управляющего нужен новый PIN-код от 6 до 12 цифр. Без нового PIN-кода бариста сохраняет прежний.
ui-staff-add-submit = Добавить
ui-staff-pin-button = Новый PIN-код
ui-staff-pin-for = Новый PIN-код ({ $name })
ui-staff-pin-submit = Сохранить PIN-код
ui-staff-role-button = Изменить роль
ui-staff-role-for = Изменить роль ({ $name })
ui-staff-role-submit = Изменить роль
ui-staff-remove-button = Удалить
ui-staff-remove-for = Удалить ({ $name })
ui-staff-remove-question = Удалить сотрудника «{ $name }»?
ui-staff-remove-detail = Вход под этим именем перестанет работать на всех кассах; сделанное останется в отчётах.
ui-staff-done-added = Сотрудник «{ $name }» добавлен.
ui-staff-done-pin = PIN-код изменён ({ $name }).
ui-staff-done-role = Новая роль ({ $name }): { $role }.
ui-staff-done-removed = Сотрудник «{ $name }» удалён.
ui-staff-idle = Автоматический выход
ui-staff-idle-about = На этой кассе вход завершается после стольких минут без работы. Начатая продажа (клиент, сумма) сохраняется до следующего входа.
ui-staff-idle-barista = Минуты для баристы
ui-staff-idle-manager = Минуты для управляющего
ui-staff-idle-save = Сохранить
ui-staff-idle-saved = Сохранено для этой кассы.
ui-staff-idle-invalid = Укажите целое число минут от 1 до { $max }.
ui-camera = Камера
ui-camera-starting = Камера запускается…
ui-camera-waiting = Ждём первый кадр с камеры…
ui-camera-unavailable = Нет камеры: подключите её или введите код карты ниже.
ui-camera-unavailable-pairing = Нет камеры: подключите её или введите код привязки слева.
ui-camera-ended = Воспроизводимая камера закончилась.
ui-lookup = Найти клиента
ui-lookup-placeholder = Код карты, телефон или имя (F2)
ui-offers-today = Акции сегодня
ui-items-clear = Сбросить
ui-spend-cashback = Списать кешбэк
ui-spend-title = Списать кешбэк
ui-spend-has = У клиента { $amount } к оплате.
ui-spend = Списать
ui-resolution = Разрешение
ui-resolution-auto = Как у камеры
ui-new-customer = Новый клиент
ui-waiting = Поднесите карту к камере
ui-waiting-hint = или введите её код, телефон или имя слева.
ui-waiting-no-camera = Введите код карты, телефон или имя слева.
ui-customer-no-name = Клиент без имени
ui-customer-visits = { $visits } { $visits ->
        [one] визит
        [few] визита
        [many] визитов
       *[other] визита
    }
ui-customer-last-visit = последний визит { $date }
ui-customer-perks = Привилегии уровня «{ $tier }»: { $perks }
ui-reward-to-go = Ещё { $missing }
ui-reward-to-go-points = Ещё { $missing } { $missing ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
ui-reward-progress = { $have } из { $need }
ui-birthday-note = День рождения { $date }
ui-amount = Сумма
ui-record = Записать визит
ui-undo = Вернуть как было
ui-redeem-confirm = Выдать награду «{ $reward }»?
ui-redeem-confirm-points = Выдать награду «{ $reward }» за { $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }?
ui-redeem-confirm-cashback = Выдать награду «{ $reward }» за { $amount } кешбэка?
ui-redeem-after-points = Останется: { $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
ui-redeem-after-cashback = Останется кешбэка: { $amount }
ui-card-print = Печать карты
ui-card-print-title = Карта нового клиента
ui-card-print-hint = Распечатайте её на картоне или наклейке и отдайте клиенту. Код карты под QR можно ввести вручную, если сканирование не удалось.
ui-card-print-go = Печать
ui-enrol-title = Новый клиент
ui-enrol-name = Имя (необязательно)
ui-enrol-phone = Телефон
ui-enrol-tags = Метки
ui-enrol-tags-hint = студент, сотрудник, …
ui-enrol-consent = Согласие на получение предложений
ui-enrol-card-hint = Поднесите к камере готовую карту, чтобы выдать её; иначе будет выпущена новая.
ui-enrol-card-read = Карта считана: она будет выдана с этой регистрацией.
ui-enrol-submit = Зарегистрировать
ui-status-signed-in = За кассой: { $name }
ui-sign-out = Выйти
ui-status-runs-open = Вход не нужен
ui-status-not-paired = Не привязана (только здесь)
ui-status-online = В сети
ui-status-offline = Нет сети
ui-status-last-sync = синхронизировано { $minutes ->
        [0] только что
        [one] { $minutes } мин назад
        [few] { $minutes } мин назад
        [many] { $minutes } мин назад
       *[other] { $minutes } мин назад
    }
ui-status-last-sync-at = синхронизировано: { $time }
ui-status-waiting = { $count ->
        [0] всё отправлено
        [one] { $count } к отправке
        [few] { $count } к отправке
        [many] { $count } к отправке
       *[other] { $count } к отправке
    }
ui-status-refused = { $count ->
        [one] { $count } событие отклонено
        [few] { $count } события отклонены
        [many] { $count } событий отклонено
       *[other] { $count } события отклонены
    }
ui-status-held = { $count ->
        [one] { $count } событие не применено
        [few] { $count } события не применены
        [many] { $count } событий не применено
       *[other] { $count } события не применены
    }
ui-refused-title = Что синхронизация не смогла передать
ui-refused-by-server = Отклонены сервером заведения: учитываются только на этой кассе
ui-refused-by-this-till = Не применены на этой кассе: учитываются на остальных кассах
ui-refused-none = Ничего не отклонено.
ui-refused-next = Ничего не потеряно: эти события остаются на этой кассе. Сообщите о них тому, кто отвечает за сервер заведения, и передайте подробности ниже.
ui-refused-recorded = записано { $when }
ui-refused-staff = сотрудник: { $name }
ui-refused-details = Подробности (для поддержки)
ui-refused-erased = Событие (подробности удалены вместе с клиентом)
ui-event-program_published = Публикация программы
ui-event-enrolled = Регистрация клиента
ui-event-profile_updated = Изменение данных клиента
ui-event-visit = Визит
ui-event-redeemed = Выдача награды
ui-event-voided = Аннулирование
ui-event-adjusted = Корректировка баланса
ui-event-card_replaced = Замена карты
ui-event-subscription_bought = Продажа абонемента
ui-event-donated = Пожертвование
ui-event-merged = Объединение записей
ui-event-erased = Удаление клиента
ui-event-till_key_added = Подключение кассы
ui-event-staff_added = Добавление сотрудника
ui-event-staff_role_changed = Смена роли сотрудника
ui-event-staff_pin_changed = Смена PIN-кода сотрудника
ui-event-staff_removed = Удаление сотрудника
ui-event-staff_key_set = Ключ подписи сотрудника
ui-event-overdrawn = Отрицательный баланс
ui-status-catching-up = Загрузка данных: { $percent }%
ui-status-action-needed = Синхронизация остановлена: управляющий должен заново привязать кассу
ui-status-camera-starting = Камера запускается
ui-status-camera-running = Камера работает
ui-status-camera-unavailable = Нет камеры
ui-status-camera-ended = Камера остановлена
ui-status-camera-replay = Запись вместо камеры
ui-no-cameras = К этому компьютеру не подключена веб-камера.
ui-camera-replay-hint = Вместо веб-камеры воспроизводятся записанные кадры.
ui-pairing = Привязка к серверу заведения
ui-paired = Эта касса привязана к серверу заведения.
# The recovery screen: the till could not open its data at start.
ui-recovery-title = Касса не может открыть свои данные
ui-recovery-intro = Ничего не удалено. Прочитайте, что произошло, и выберите один из вариантов ниже.
ui-recovery-kind-not-a-database = Касса не может прочитать свой файл данных: возможно, его заменили или перезаписали другим файлом.
ui-recovery-kind-damaged = Файл данных кассы повреждён — например, после отключения питания или сбоя диска.
ui-recovery-kind-read-only = У кассы нет права записи в папку, где хранятся её данные.
ui-recovery-kind-disk-full = Диск заполнен: кассе не хватает места, чтобы открыть свои данные.
ui-recovery-kind-too-new = Данные кассы записаны более новой версией Counterpart, чем эта.
ui-recovery-kind-other = Что-то непредвиденное мешает кассе открыть свои данные.
ui-recovery-hint-not-a-database = Восстановите резервную копию или начните с пустой кассы.
ui-recovery-hint-damaged = Восстановите резервную копию или начните с пустой кассы.
ui-recovery-hint-read-only = Попросите того, кто обслуживает этот компьютер, снова разрешить Counterpart запись в эту папку, затем попробуйте ещё раз.
ui-recovery-hint-disk-full = Освободите место на этом компьютере (очистите корзину, перенесите большие файлы в другое место), затем попробуйте ещё раз.
ui-recovery-hint-too-new = Установите на эту кассу последнюю версию Counterpart и откройте её снова: скорее всего, данные в порядке. После восстановления копии или запуска с пустой кассой в ней не будет того, что записала более новая версия.
ui-recovery-hint-other = Сначала попробуйте ещё раз. Если ошибка повторяется, передайте в поддержку подробности ниже.
ui-recovery-file = Файл данных
ui-recovery-working = Подождите…
ui-recovery-retry = Попробовать ещё раз
ui-recovery-retry-about = Открывает файл данных ещё раз, ничего не меняя. Нажмите, когда место освобождено или папка исправлена.
ui-recovery-restore-title = Восстановить резервную копию
ui-recovery-restore-about = Касса вернётся к состоянию на момент создания копии. Повреждённый файл не удаляется: он остаётся рядом с исходным, под новым именем.
ui-recovery-backups-found = { $count ->
        [one] Найдена { $count } резервная копия.
        [few] Найдены { $count } резервные копии.
        [many] Найдено { $count } резервных копий.
       *[other] Найдено { $count } резервной копии.
    }
ui-recovery-no-backups = Резервных копий этой кассы не найдено.
ui-recovery-restore = Восстановить
ui-recovery-restore-label = Восстановить копию от { $date }
ui-recovery-restore-question = Восстановить резервную копию от { $date }?
ui-recovery-restore-detail = Касса вернётся к состоянию на тот момент. Повреждённый файл останется рядом с исходным, под новым именем; ничего не будет удалено.
ui-recovery-restore-confirm = Восстановить эту копию
ui-recovery-set-aside-title = Начать с пустой кассы
ui-recovery-set-aside-about = Повреждённый файл не удаляется: он остаётся рядом с исходным, под новым именем. Затем касса запустится пустой: снова присоединитесь к заведению, чтобы получить всё обратно с сервера заведения, или откройте новое заведение.
ui-recovery-set-aside = Отложить файл и начать с пустой кассы
ui-recovery-set-aside-question = Отложить повреждённый файл и начать с пустой кассы?
ui-recovery-set-aside-detail = Файл останется рядом с исходным, под новым именем; ничего не будет удалено. Затем снова присоединитесь к заведению, чтобы получить всё обратно с сервера заведения, или откройте новое заведение.
ui-recovery-only-retry = Чтобы отложить файл или восстановить копию, нужны место на диске и право записи в папку с данными: сначала исправьте это, затем попробуйте ещё раз.
ui-recovery-failed-retry = Повторная попытка не открыла кассу.
ui-recovery-failed-set-aside = Не удалось начать с пустой кассы.
ui-recovery-failed-restore = Не удалось восстановить резервную копию.
ui-recovery-still-not-open = Что мешает сейчас, написано выше.
ui-recovery-details = Подробности (для поддержки)
ui-error-unknown = Что-то пошло не так. Попробуйте ещё раз; если повторится, скажите управляющему.
ui-error-invalid-input = Это неверно: проверьте введённое.
ui-error-invalid-amount = Введите сумму больше нуля, например 4,50.
ui-error-invalid-name = Укажите имя (не длиннее 80 символов).
ui-error-invalid-pin = Такой PIN-код нельзя: нужное число цифр, не 123456 и не 111111.
ui-error-invalid-staff-name = Укажите имя, которого ещё нет ни у кого из сотрудников.
ui-error-invalid-staff-role = Эту роль дать нельзя: первый сотрудник — управляющий, единственный управляющий им и остаётся, а новая роль должна отличаться от прежней.
ui-error-invalid-staff-pin = PIN-код баристы — от 4 до 12 цифр, управляющего — от 6 до 12, только цифры; новому управляющему нужен новый PIN-код.
ui-error-invalid-staff-staff = Единственный управляющий заведения остаётся в списке: сначала назначьте управляющим кого-то другого.
ui-error-invalid-currency = Выберите валюту.
ui-error-invalid-timezone = Выберите часовой пояс из списка, например Europe/Moscow.
ui-error-invalid-shop = Укажите название заведения.
ui-error-invalid-phone = Номер телефона выглядит неверно.
ui-error-invalid-email = Адрес почты выглядит неверно.
ui-error-invalid-birthday = Введите дату рождения как 1990-05-17.
ui-error-invalid-tags = Метки — короткие слова через запятую.
ui-error-invalid-card = Эту карту здесь использовать нельзя.
ui-error-invalid-code = Код привязки выглядит неверно.
ui-error-invalid-server = Введите адрес сервера, например https://cloud.example.
ui-error-invalid-query = Введите хотя бы две буквы или цифры.
ui-error-invalid-program = В программе ошибки; управляющий должен их исправить.
ui-error-refused-not-enough = На это не хватает.
ui-error-refused-not-available = Эта награда сейчас недоступна.
ui-error-refused-cannot-void = Это нельзя отменить.
ui-error-refused-customer-closed = Запись этого клиента закрыта.
ui-error-refused-no-program = Программа лояльности ещё не опубликована: управляющий должен её настроить.
ui-error-refused-below-zero = Баланс ушёл бы ниже нуля.
ui-error-auth-sign-in-required = Сначала войдите.
ui-error-auth-forbidden = Это может сделать только управляющий.
ui-error-auth-wrong-pin = Неверный PIN-код.
ui-error-auth-locked-out = Слишком много неверных PIN-кодов: подождите несколько минут.
ui-error-auth-signed-out-idle = Вы вышли из системы после перерыва в работе с кассой: войдите снова.
ui-error-card-garbled = Это не карта лояльности, или она считалась нечётко.
ui-error-card-unknown-shop = Эта карта из другого заведения.
ui-error-card-unknown-till = Карта выпущена кассой, о которой эта ещё не знает: синхронизируйте и отсканируйте снова.
ui-error-card-forged = Эта карта поддельная: подпись не совпадает.
ui-error-card-revoked = Эту карту заменили, она больше не действует.
ui-error-card-ambiguous = У карт двух клиентов один и тот же код: выберите нужного по имени.
ui-error-not-found = Не найдено.
ui-error-idempotency-mismatch = Это уже отправлено с другими данными: начните заново.
ui-error-forked = История этой кассы скопирована в другое место: управляющий должен заново её привязать.
ui-error-not-initialised = Эта касса ещё не настроена.
ui-error-database = База данных кассы не смогла это выполнить. Попробуйте ещё раз.
ui-error-disk-full = Диск этого компьютера заполнен: ничего не записано. Освободите место и попробуйте ещё раз.
ui-error-migration = Базу данных кассы не удалось обновить до этой версии.
ui-error-corrupt = Данные кассы повреждены: скажите управляющему.
ui-error-io = Не удалось прочитать или записать файл.
ui-error-internal = Внутри кассы что-то пошло не так. Попробуйте ещё раз; если повторится, скажите управляющему.
ui-error-sync-offline = Сервер недоступен.
ui-error-sync-unauthenticated = Сервер не знает эту кассу: привяжите её заново.
ui-error-sync-forbidden = Сервер отказал этой кассе.
ui-error-sync-forked = Сервер обнаружил копию истории этой кассы: привяжите её заново.
ui-error-sync-gap = Между кассой и сервером не хватает событий; синхронизация попробует снова.
ui-error-sync-too-large = Слишком много за раз; синхронизация отправит частями.
ui-error-sync-unsupported-protocol = Сервер другой версии: обновите приложение.
ui-error-sync-pairing-code = Код привязки неверен или устарел: попросите новый.
ui-error-sync-shop-mismatch = В этой кассе данные другого заведения: к этому она присоединиться не может.
ui-error-sync-malformed = Сервер прислал то, что касса не может прочитать.
ui-error-sync-rate-limited = Сервер просит кассу не торопиться; она попробует снова.
ui-error-sync-unavailable = Сервер занят или не работает; касса попробует снова.
ui-error-sync-internal = На сервере произошла ошибка; касса попробует снова.
ui-error-sync-http = Сервер ответил ошибкой.
ui-error-sync-protocol = Ответ сервера не соответствует протоколу.
ui-error-sync-not-paired = Эта касса не привязана к серверу.
ui-error-sync-already-paired = Эта касса уже привязана.
ui-error-sync-insecure-server = Эта касса была привязана по незащищённому http://: она ничего не отправляет, пока менеджер не привяжет её заново к адресу https:// сервера.
ui-error-sync-failed = Синхронизация не удалась; касса попробует снова.

example-points-cafe = Баллы за покупки (1 балл за каждые 1,00), напиток за 100 баллов; уровни Бронза, Серебро и Золото по числу визитов; двойные баллы до 9:00 по будням; напиток в день рождения.
example-stamp-cafe = Карта со штампами: купите 9 чашек кофе, десятая бесплатно.
example-cashback-bakery = 5 % с каждой покупки возвращаются на счёт, и скидка 5,00 за каждые потраченные 50,00.
example-coffee-club = Предоплаченный клуб: один напиток в день в течение 30 дней; постоянные гости также собирают штампы на бесплатный торт.
