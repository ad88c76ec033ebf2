# Counterpart: русский. Числа выбирают форму: 1 балл, 2–4 балла, 5+ баллов.

## Результаты действий

text = { $text }
already-recorded = уже записано: то же действие отправлено дважды
program-published = программа { $program } опубликована, версия { $version }
enrolled = зарегистрирован с картой { $card }
card-code = код карты (QR): { $code }
typed-code = код для ввода: { $code }
card-replaced = новая карта { $new }; карта { $old } больше не действует
plan-sold = { $plan } продан за { $price }: действует с { $starts } по { $ends }
profile-updated = профиль обновлён
merged = { $from } объединён с { $into }
erased = личные данные удалены; балансы и история остаются, обезличенные
voided = отменено { $kind } { $event }: { $reason }
undone = отменено: { $what }
tier-changed = уровень: { $before } → { $after }
tier-lost = уровень: { $before } → без уровня

## Что даёт визит

earn-points = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за { $per } = { $earn } { $earn ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }
earn-points-boosted = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за { $per } = { $earn } { $earn ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }, { $boosts }
no-points-minimum = без баллов: минимальная сумма { $minimum }
grant-points = +{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    }: { $label }
grant-reward = открыто: { $reward } ({ $label })
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
coupon-used = купон { $code } использован
birthday-given = { $offer } выдан за { $year } год
stamp-one = штамп { $stamp } из { $of } на карте { $card }
stamp-many = +{ $stamps } { $stamps ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    } на карте { $card }: { $now } из { $of }
stamp-limit = без штампа на карте { $card }: не больше { $max } в день
card-full = карта { $card } заполнена: перенесено { $carried } { $carried ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    }
card-reward = { $reward } за заполненную карту { $card }
earn-cashback = +{ $amount } кешбэка ({ $percent } %)

## Награды и корректировки

redeem-voucher = { $reward } получено по ваучеру
redeem-plan-day = { $reward } по { $plan }: { $used } из { $allowance } сегодня
redeem-plan-week = { $reward } по { $plan }: { $used } из { $allowance } на этой неделе
redeem-points = -{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } за { $reward }
redeem-cashback = -{ $amount } кешбэка за { $reward }
redeem-once = { $reward } использовано (один раз на клиента)
cashback-spent = потрачено { $amount } кешбэка
donated = -{ $points } { $points ->
        [one] балл
        [few] балла
        [many] баллов
       *[other] балла
    } пожертвовано: { $cause }
adjusted = корректировка менеджера: { $amount } { $account } ({ $reason })
adjusted-money = корректировка менеджера: { $amount } { $account } ({ $reason })

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
balance-stamps = { $stamps } из { $of } на карте { $card }
balance-stamps-retired = { $stamps } { $stamps ->
        [one] штамп
        [few] штампа
        [many] штампов
       *[other] штампа
    } на карте { $card }
balance-cashback = { $amount } кешбэка
balance-vouchers = { $count } × { $reward }

## Конфликты между кассами

conflict-below-zero = { $account } равно { $amount }: списано или скорректировано больше, чем было у клиента
conflict-merge-overruled = объединение { $from } с { $into } отменено: другая касса раньше объединила эти записи наоборот, остаётся { $remains }
conflict-merge-joined = { $from } объединён с { $into } и с другой записью на другой кассе: теперь это одна запись, { $remains }
conflict-overdrawn = { $event } увело { $balances } ниже нуля: кассы офлайн потратили один и тот же баланс


## Персонал

staff-added = в персонал добавлен(а) { $name }, роль: { $role }
staff-role-changed = { $name }: новая роль — { $role }
staff-pin-changed = PIN изменён: { $name }
staff-removed = { $name } удалён(а) из персонала
role-barista = бариста
role-manager = менеджер


## Отказы

refused-not-enough = недостаточно: { $account }; награда требует { $needed }, у клиента { $available }
account-points = баллы
account-cashback = кэшбэк
account-other = { $account }
refused-not-available = { $reward } недоступно: { $why }
why-not-on-this-date = не предлагается в этот день
why-needs-tier = нужен уровень { $tier }; у клиента уровень { $held }
why-needs-tier-none = нужен уровень { $tier }; у клиента нет уровня
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
refused-cannot-void = нельзя отменить: { $why }
why-voided-already = уже отменено событием { $event }
why-not-voidable = событие { $kind } нельзя отменить; только визиты, списания, корректировки и пожертвования
refused-customer-closed = эта запись клиента закрыта: { $why }
why-erased = его личные данные удалены по его просьбе
refused-below-zero = баланс { $account } станет { $after }: { $why }. Менеджер может подтвердить; баланс тогда будет отрицательным и отмеченным
why-spent-since = то, что дало отменённое событие, уже потрачено
why-has-less = у клиента меньше
why-nothing-to-undo = на этой кассе нет ваших действий для отмены
why-undo-too-late = ваше последнее действие было более 2 минут назад: менеджер может его отменить
refused-no-program = программа лояльности ещё не опубликована: опубликуйте её командой `counterpart program publish ФАЙЛ`
auth-sign-in-required = сначала войдите: у этой кассы есть персонал
auth-forbidden = роль { $role } этого не позволяет: обратитесь к менеджеру
auth-wrong-pin = неверный PIN для { $name }: осталось { $left } { $left ->
        [one] попытка
        [few] попытки
        [many] попыток
       *[other] попытки
    } до блокировки на 5 минут
auth-locked-out = { $name }: 5 неверных PIN, блокировка на этой кассе до { $until }

## Слова командной строки

cli-tier = уровень
cli-visits = визиты: { $visits }, последний { $last }
cli-never = никогда
cli-conflict = конфликт
cli-can-redeem = можно получить сейчас
cli-runs-open = эта касса открыта: в персонале никого нет, любой может всё (добавьте менеджера: `counterpart staff add ИМЯ --role manager`)
