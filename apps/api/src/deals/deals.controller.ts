import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('deals')
@Controller('deals')
export class DealsController {}
