import { amountProblem, currencyExponent, isCurrencyCode, MAX_MINOR_UNITS } from '@crm/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Matches, registerDecorator, ValidationArguments } from 'class-validator';

const MAX_AMOUNT = MAX_MINOR_UNITS / 100;

const amountRule = (args: ValidationArguments): string | undefined => {
  const { value } = args;
  const currency = (args.object as { currency?: unknown }).currency;
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'amount must be a number';
  if (value < 0) return 'amount must not be negative';
  // A wrong currency is reported on the currency alone.
  if (typeof currency !== 'string' || !isCurrencyCode(currency)) return undefined;
  return amountProblem({ amount: value, currency });
};

/** A non-negative amount with no more decimals than its currency's minor unit (ISO 4217). */
const IsAmountOfCurrency = (): PropertyDecorator => (target, propertyName) =>
  registerDecorator({
    name: 'isAmountOfCurrency',
    target: target.constructor,
    propertyName: String(propertyName),
    options: { message: (args) => amountRule(args) ?? 'amount is invalid' },
    validator: { validate: (_value, args) => args !== undefined && !amountRule(args) },
  });

export class MoneyDto {
  @ApiProperty({
    example: 12500.5,
    minimum: 0,
    maximum: MAX_AMOUNT,
    description: `an exact decimal with at most the currency's minor-unit decimals (ISO 4217: 2 for EUR, ${currencyExponent('JPY')} for JPY, ${currencyExponent('KWD')} for KWD)`,
  })
  @IsAmountOfCurrency()
  amount!: number;

  @ApiProperty({ example: 'EUR', pattern: '^[A-Z]{3}$' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be a 3-letter ISO 4217 code' })
  currency!: string;
}
