import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';

@ApiTags('leads')
@Controller('leads')
export class LeadsController {}
